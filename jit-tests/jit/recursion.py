# Recursion through compiled code: RecursionError at the limit, deep recursion under a
# raised limit, and tracebacks through compiled callers.
import sys


def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def forever(n):
    return forever(n + 1) + 1


print(down(500))
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)

sys.setrecursionlimit(30000)
print(down(20000))
sys.setrecursionlimit(1000)


def a(n):
    return b(n) + 1


def b(n):
    if n > 250:
        raise KeyError(n)
    return a(n + 1)


try:
    a(0)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(len(names), names[:3], names[-2:])
