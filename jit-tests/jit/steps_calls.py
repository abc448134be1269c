# Compiled code that leaves for calls and comes back, has the interpreter run single
# instructions (globals, attributes, methods, floats), and raises from inside a hot loop.
import sys


def caller_line():
    f = sys._getframe(1)
    return f.f_lineno, sorted(k for k in f.f_locals if not k.startswith("_"))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def hot(n):
    total = 0.0
    seen = []
    for i in range(n):
        p = Point(i * 0.5, i)
        total += p.norm2()
        if i == n - 1:
            seen.append(caller_line())
    return total, seen


SCALE = 2


def uses_global(n):
    global SCALE
    s = 0
    for i in range(n):
        s += i * SCALE
        if i == n // 2:
            SCALE = 3  # rebound mid-loop: later iterations see it
    return s


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        if self.n == 3:
            raise ValueError("three left")
        return self.n


def iterate(n):
    got = []
    try:
        for v in Countdown(n):
            got.append(v)
    except ValueError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        return got[-2:], str(e), lines
    return got


def raises_in_loop(n):
    caught = 0
    lines = set()
    for i in range(n):
        try:
            if i % 7 == 0:
                {}["missing%d" % (i % 2)]
            x = 10 // (i % 5)
        except KeyError as e:
            caught += 1
            lines.add(e.__traceback__.tb_lineno)
        except ZeroDivisionError as e:
            caught += 100
            lines.add(e.__traceback__.tb_lineno)
    return caught, sorted(lines)


def method_patched(n):
    out = []
    p = Point(1, 2)
    for i in range(n):
        if i == n // 2:
            Point.norm2 = lambda self: -1
        out.append(p.norm2())
    return out[n // 2 - 1], out[n // 2], len(out)


print(fib(20))
print(hot(300))
print(uses_global(400))
print(iterate(10))
print(raises_in_loop(300))
print(method_patched(300))
print(undefined_name_in_loop if False else "ok")


def name_error(n):
    for i in range(n):
        if i == n - 1:
            return missing_global  # noqa: F821
    return None


try:
    name_error(300)
except NameError as e:
    print("NameError", e, e.__traceback__.tb_next.tb_lineno)
