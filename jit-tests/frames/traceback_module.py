# The traceback module: stacks and tracebacks as lists, summaries, printing.
import sys
import traceback


def level2():
    return traceback.extract_stack()


def level1():
    return level2()


stack = level1()
for fs in stack:
    print(fs.name, fs.lineno, fs.line, fs.filename.endswith("traceback_module.py"))
print(repr(stack[-1]).startswith("<FrameSummary file "), len(stack[-1]))
print(type(stack).__name__, isinstance(stack, list))


def show_stack():
    for line in traceback.format_stack():
        print(line.replace(__file__, "FILE"), end="")
    traceback.print_stack(file=sys.stdout)


show_stack()


def fail(n):
    if n == 0:
        return {}["k"] + 1
    return fail(n - 1)


try:
    fail(5)
except KeyError as e:
    tb = e.__traceback__
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, fs.line)
    print("".join(traceback.format_tb(tb)), end="")
    traceback.print_tb(tb, file=sys.stdout)
    print([name for _, name in [(f.f_lineno, f.f_code.co_name) for f, _ in traceback.walk_tb(tb)]])
    print("".join(traceback.format_exception(e)), end="")
    print(traceback.format_exception_only(e))
    print(traceback.format_exc(), end="")
    traceback.print_exc(file=sys.stdout)
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, len(te.stack))
    print("".join(te.format()), end="")
    print(list(te.format_exception_only()))
print(traceback.format_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)]))
summary = traceback.StackSummary.from_list([("a.py", 1, "f", "line one")])
print(summary.format())
print(traceback.FrameSummary("x.py", 3, "h", line="y") == ("x.py", 3, "h", "y"))
frames = [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())]
print(frames)


def rec(n):
    if n == 0:
        raise ValueError("bottom")
    rec(n - 1)


try:
    rec(10)
except ValueError as e:
    print("".join(traceback.format_tb(e.__traceback__)), end="")
    print("".join(traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__)).format()), end="")
