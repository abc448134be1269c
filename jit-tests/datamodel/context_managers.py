# __enter__/__exit__ and with statements
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.swallow
with CM("a") as x:
    print("body", x)
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with (CM("p"), CM("q") as q):
    print("paren body", q)
with CM("swallower", swallow=True):
    raise ValueError("hidden")
print("after swallow")
try:
    with CM("outer"), CM("inner"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("first"), BadEnter():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Tuple:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return False
with Tuple() as (a, [b, c]):
    print(a, b, c)
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("div") as t, tag("span"):
    print("content", t)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
