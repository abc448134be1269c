# A depth-indented call tracer: call/return/exception events with arguments.
import sys

depth = 0


def tracer(frame, event, arg):
    global depth
    name = frame.f_code.co_name
    if event == "call":
        print("  " * depth + f"-> {name}({', '.join(f'{k}={frame.f_locals[k]!r}' for k in frame.f_code.co_varnames[:frame.f_code.co_argcount])}) line {frame.f_lineno}")
        depth += 1
        return tracer
    if event == "return":
        depth -= 1
        print("  " * depth + f"<- {name} = {arg!r} line {frame.f_lineno}")
    elif event == "exception":
        print("  " * depth + f"!! {name} {arg[0].__name__}: {arg[1]} line {frame.f_lineno}")
    return tracer


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fails(x):
    return 10 // x


def catcher():
    try:
        fails(0)
    except ZeroDivisionError as e:
        return "caught " + str(e)


def outer():
    return fails(0)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point"

    def norm2(self):
        return self.x * self.x + self.y * self.y


sys.settrace(tracer)
fib(3)
catcher()
try:
    outer()
except ZeroDivisionError:
    pass
p = Point(3, 4)
p.norm2()
sorted([3, 1, 2], key=lambda v: -v)
sys.settrace(None)
print("done", sys.gettrace())
