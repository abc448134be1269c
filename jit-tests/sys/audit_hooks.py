# PEP 578 audit hooks: events and their argument tuples, hooks in order, a raising hook
# aborts the operation, hooks cannot be removed
import os  # before the hooks: CPython's site has imported it at start-up already
import sys

WATCH = {"open", "exec", "compile", "sys._getframe", "sys.addaudithook", "builtins.input",
         "builtins.id", "my.event", "os.system", "os.listdir"}
log = []


def hook1(event, args):
    if event in WATCH:
        shown = tuple(type(a).__name__ if type(a).__name__ in ("code", "frame") else a for a in args)
        log.append(("hook1", event, shown))


def hook2(event, args):
    if event in WATCH:
        log.append(("hook2", event))
    if event == "my.forbidden":
        raise PermissionError("forbidden: " + repr(args))


sys.addaudithook(hook1)
sys.addaudithook(hook2)
sys.audit("my.event", 1, "two", None)
exec("x = 1")
print(eval("40 + 2"))
code = compile("y = 2", "fname", "exec")
exec(code)
f = sys._getframe()
for entry in log:
    print(entry)
log.clear()

try:
    sys.audit("my.forbidden", 5)
except PermissionError as e:
    print("PermissionError:", e)

os.listdir(".")
try:
    open("no/such/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print(log)
log.clear()


def vetoing(event, args):
    if event == "open" and args[0].endswith("blocked.txt"):
        raise RuntimeError("open blocked by hook")


sys.addaudithook(vetoing)
try:
    open("blocked.txt", "w")
except RuntimeError as e:
    print("RuntimeError:", e)
print(os.path.exists("blocked.txt"))
print(log)
log.clear()

# a hook raising on sys.addaudithook silently refuses new hooks (Exception subclasses)
def gatekeeper(event, args):
    if event == "sys.addaudithook":
        raise ValueError("no more hooks")


sys.addaudithook(gatekeeper)
sys.addaudithook(lambda e, a: print("never called", e))
sys.audit("my.event")
print(log)
try:
    sys.audit()
except TypeError as e:
    print("TypeError:", e)
try:
    sys.audit(42)
except TypeError as e:
    print("TypeError:", e)
