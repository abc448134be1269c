# TypeErrors from bad calls (caught)
def f(a, b, c=3):
    pass
def g(a, /, b, *, c):
    pass
def h(*, k):
    pass
def no_args():
    pass
class C:
    def m(self, x):
        pass
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: g(a=1, b=2, c=3),
    lambda: g(1, 2, 3),
    lambda: g(1, 2),
    lambda: h(1),
    lambda: h(),
    lambda: no_args(1),
    lambda: no_args(x=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, **{"b": 2}, **{"b": 3}),
    lambda: len(),
    lambda: len(1, 2),
    lambda: (lambda v: v)(1)(),
    lambda: (lambda v: v)("abc")(),
    lambda: (lambda v: v)(None)(),
    lambda: abs(x=1),
    lambda: int("1", "2", "3"),
    lambda: sorted([1], lambda x: x),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
