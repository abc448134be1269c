# Recursion limits: errors for bad values, RecursionError at the limit for Python
# recursion and for recursion through native code, and very deep Python recursion.
import sys

print(sys.getrecursionlimit())
for bad in (0, -5, 2**31, 1.5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except Exception as e:
        print(type(e).__name__, e)


def nest(n):
    if n == 0:
        try:
            sys.setrecursionlimit(5)
        except RecursionError as e:
            print(e)
        return
    nest(n - 1)


nest(10)
depth = 0


def f():
    global depth
    depth += 1
    f()


for lim in (50, 100, 1000):
    sys.setrecursionlimit(lim)
    depth = 0
    try:
        f()
    except RecursionError as e:
        print(lim, depth, e)
sys.setrecursionlimit(1000)


def run(name, fn):
    try:
        fn()
        print(name, "no error")
    except RecursionError as e:
        print(name, e)


class R:
    def __repr__(self):
        return repr(self)


class E:
    def __eq__(self, o):
        return self == o


class G:
    def __getattr__(self, n):
        return getattr(self, n)


def key(x):
    return sorted([1, 2], key=key)


def m(x):
    return list(map(m, [x]))


def fl(x):
    return list(filter(fl, [x]))


class I:
    def __init__(self):
        I()


class P:
    @property
    def p(self):
        return self.p


class H:
    def __hash__(self):
        return hash(self)


class S:
    def __str__(self):
        return str(self)


class A:
    def __add__(self, o):
        return self + o


class GI:
    def __getitem__(self, i):
        return self[i]


class C:
    def __call__(self):
        return self()


# (repr/str/sorted recursion: CPython's message depends on which C-level check trips
# first; those are compared by type only.)
for name, fn in [("repr", lambda: repr(R())), ("str", lambda: str(S())), ("sorted", lambda: sorted([1, 2], key=key))]:
    try:
        fn()
    except RecursionError as e:
        print(name, "RecursionError", str(e).startswith("maximum recursion depth exceeded"))
cases = [
    ("eq", lambda: E() == E()),
    ("getattr", lambda: G().x),
    ("map", lambda: m(1)),
    ("filter", lambda: fl(1)),
    ("init", lambda: I()),
    ("property", lambda: P().p),
    ("hash", lambda: hash(H())),
    ("add", lambda: A() + 1),
    ("getitem", lambda: GI()[0]),
    ("call", lambda: C()()),
]
for lim in (1000, 100):
    sys.setrecursionlimit(lim)
    for name, fn in cases:
        run(f"{name} {lim}", fn)
sys.setrecursionlimit(10**6)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(100000))
print("limit", sys.getrecursionlimit())
