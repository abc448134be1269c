# Calls of a global function the compiled caller knows by identity (the global's value
# when it compiled), frames kept spare per code object, and globals pinned by version:
# every way the assumption can break mid-loop.
import sys
import types


def add1(x):
    return x + 1


def sub1(x):
    return x - 1


def loop_rebound(n):
    global add1
    total = 0
    for i in range(n):
        if i == n // 2:
            saved = add1
            add1 = sub1  # the known callee is replaced
        total += add1(i)
    add1 = saved
    return total


print("rebound", loop_rebound(400))


def twice(x):
    return 2 * x


def thrice(x):
    return 3 * x


def loop_code_swap(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            twice.__code__ = thrice.__code__  # same function object, other code
        total += twice(i)
    return total


print("code swap", loop_code_swap(400))


# The same code object under other globals: a spare frame of that code is bound to the
# first function's globals.
def scaled(x):
    return x * FACTOR


FACTOR = 10
other = types.FunctionType(scaled.__code__, {"FACTOR": 1000}, "scaled_other")


def loop_two_globals(n):
    total = 0
    for i in range(n):
        total += scaled(i) + other(i)
    return total


print("two globals", loop_two_globals(300))


# New globals mid-loop change the globals' key set (the pinned version).
def loop_new_globals(n):
    total = 0
    for i in range(n):
        if i % 50 == 0:
            globals()["g%d" % i] = i
        total += add1(i)
    return total


print("new globals", loop_new_globals(400))
print(sorted(k for k in globals() if k.startswith("g") and k[1:].isdigit())[:4])


# Deleting the function while it runs; deep recursion past the spare frames kept.
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


for _ in range(30):
    r = deep(150)
print("deep", r, deep(900))


def selfdel(n):
    global selfdel_ref
    if n == 0:
        return sys.getrefcount(selfdel_ref) > 0
    return selfdel(n - 1)


selfdel_ref = selfdel
for _ in range(50):
    selfdel(5)
print("selfdel", selfdel(3))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib", [fib(k) for k in range(18)])


# Frames seen from inside a known callee: the caller's line, locals and f_back chain.
def where():
    f = sys._getframe(1)
    return (f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, tuple(sorted(f.f_locals)))


def looker(n):
    seen = set()
    for i in range(n):
        seen.add(where())
    return sorted(seen)


print("frames", looker(200))


# An exception from a known callee: the traceback's lines.
def boom(x):
    if x == 150:
        raise ValueError("at %d" % x)
    return x


def catcher(n):
    total = 0
    for i in range(n):
        try:
            total += boom(i)
        except ValueError as e:
            tb = e.__traceback__
            lines = []
            while tb:
                lines.append(tb.tb_frame.f_code.co_name + ":" + str(tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
                tb = tb.tb_next
            print("caught", e, lines)
    return total


print("catcher", catcher(300))


# Many locals (the release of locals not unrolled) and few; __del__ of an argument runs
# when the callee returns, before the caller goes on.
class Noisy:
    def __init__(self, k):
        self.k = k

    def __del__(self):
        log.append(self.k)


log = []


def many(a, b, c, d, e, f, g, h, i):
    j = a + b
    return j + c + d + e + f + g + h + i


def few(a):
    return a.k


def loop_locals(n):
    total = 0
    for i in range(n):
        total += many(i, 1, 2, 3, 4, 5, 6, 7, 8)
        total += few(Noisy(i))
        log.append(-i)
    return total


print("locals", loop_locals(100), log[:6], len(log))


# A keyword call or a default argument is not the plain call: still right.
def defaults(x, y=5):
    return x * y


def loop_defaults(n):
    total = 0
    for i in range(n):
        total += defaults(i) + defaults(i, 2) + defaults(x=i)
    return total


print("defaults", loop_defaults(300))
