# UnpackSequence in compiled code: tuples inline, lists, tuple subclasses, other iterables
# and wrong lengths through the helper or the interpreter, with exact errors.
from collections import namedtuple

P = namedtuple("P", "x y")


def total(pairs):
    t = 0
    for a, b in pairs:
        t += a * 10 + b
    return t


print(total([(1, 2), (3, 4)] * 50))
print(total([[1, 2], (3, 4), P(5, 6), "78", {9: 0, 1: 2}, range(2)] * 10))


class Obj:
    def __del__(self):
        print("del", self.n)

    def __init__(self, n):
        self.n = n


def rotate(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b, c = b, c, a
    return a, b, c


print(rotate(100), rotate(101))


def objs():
    out = []
    for t in [(Obj(1), Obj(2)), (Obj(3), Obj(4))]:
        x, y = t
        out.append((x.n, y.n))
    return out


print(objs())


def bad(items):
    out = []
    for it in items:
        try:
            a, b = it
            out.append(a + b)
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


for _ in range(3):
    print(bad([(1, 2), (1, 2, 3), (1,), [4, 5], [6], 7, None, (8, 9)]))


def deep(n):
    t = 0
    for _ in range(n):
        (a, (b, c)), d = (1, (2, 3)), 4
        t += a + b + c + d
    return t


print(deep(300))
