# Float arithmetic the JIT keeps unboxed between operations: mixed int/float operands,
# division by zero (and -0.0) raised at the right line, float subclasses, NaN and inf,
# values that turn from float to int to str mid-loop.
import math


class F(float):
    def __add__(self, other):
        return "F.__add__"


def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i] + i * 0.5 - 1 / (i + 1.0)
    return s


def divide(vals, d):
    out = []
    for v in vals:
        try:
            out.append(v / d * 2.0 + v)
        except ZeroDivisionError as e:
            out.append(("zero", e.__traceback__.tb_lineno))
    return out


def mixed(n):
    acc = 0.0
    kinds = []
    for i in range(n):
        x = 1.5 if i < n // 2 else (i if i < 3 * n // 4 else str(i))
        try:
            acc = acc + x * 2.0 - x
        except TypeError as e:
            kinds.append(str(e))
            break
    return acc, kinds


def specials(n):
    r = []
    for i in range(n):
        a = float("inf") if i % 3 == 0 else float("nan") if i % 3 == 1 else -0.0
        r.append(repr(a * 2.0 - a + 0.0))
    return r[:6]


def subclass(n):
    out = None
    for i in range(n):
        out = F(1.0) + 2.0
        out2 = 2.0 + F(1.0)
    return out, out2


xs = [float(i) for i in range(300)]
ys = [1.0 / (i + 1) for i in range(300)]
for _ in range(3):
    print("%.6f" % dot(xs, ys))
print(divide([1.0, 2.5, -3.0] * 100, 4.0)[:3])
print(divide([1.0, 2.5], 0.0), divide([1.0], -0.0))
print(mixed(400))
print(specials(300))
print(subclass(300))
print(math.fsum(x * 0.1 for x in range(1000)))


def int_or_float(n):
    # One site sees int * int and float * float: ints stay ints.
    out = []
    for i in range(n):
        a = i if i % 2 else i * 0.5
        out.append(a * a + a)
    return out[:4], type(out[1]).__name__, type(out[2]).__name__


print(int_or_float(300))


def aliases(n):
    # A float a local holds is updated in place only when nothing else can see it.
    keep = []
    x = 0.5
    y = None
    for i in range(n):
        if i % 50 == 0:
            keep.append(x)
            y = x
        x = x * 1.5 + 1.0 - x * 0.5
        x = x / 2.0
    return keep[:4], y, x, id(y) != id(x)


def accumulate(rows):
    # Unboxed values below others on the stack, and across calls and subscripts.
    total = 0.0
    for r in rows:
        total = total + r[0] * r[1] + len(r) * 0.25 + (r[0] - r[1]) * (r[0] + r[1])
    return total


print(aliases(400))
print(accumulate([(float(i), i * 0.5) for i in range(300)]))
