# Locals read by the next instruction are borrowed in compiled code (no reference taken):
# reference counts, __del__ timing, exceptions at the reader and rebinding around it
# must stay exactly as in the interpreter.
import sys


class D:
    def __init__(self, name):
        self.name = name
        self.v = 1

    def __del__(self):
        print("del", self.name)

    def __getitem__(self, i):
        return i * 2

    def __lt__(self, other):
        return True

    def __add__(self, other):
        return 5


def reads(n):
    xs = [1, 2, 3]
    o = D("o")
    t = 0
    for i in range(n):
        t += xs[1] + o[i] + o.v + (o + xs[0])
        if o < xs:
            t += 1
        xs[0] = xs[2]
    return t, sys.getrefcount(xs), sys.getrefcount(o)


print(reads(200))
print("after reads")


def rebind(n):
    o = D("first")
    out = []
    for i in range(n):
        out.append(o.v + o[1])
        if i == n - 2:
            o = D("second")
            print("rebound")
    return out[-3:]


print(rebind(50))


def errors(n):
    xs = [10, 20]
    d = {"a": 1}
    out = []
    for i in range(n):
        try:
            out.append(xs[i])
        except IndexError as e:
            out.append(str(e))
        try:
            out.append(d[i])
        except KeyError as e:
            out.append(repr(e))
    return out, sys.getrefcount(xs), sys.getrefcount(d)


print(errors(4))


def deleted(n):
    total = 0
    for i in range(n):
        x = D("tmp%d" % i) if i % 50 == 0 else [i]
        total += x[0]
        del x
    return total


print(deleted(101))


def floats(n):
    a = 1.5
    b = [0.5, 2.5]
    s = 0.0
    for i in range(n):
        s += a * b[0] - b[1] / a
        a = a + 0.001
    return round(s, 6), sys.getrefcount(b)


print(floats(300))


def getattr_hook(n):
    class G:
        def __getattr__(self, name):
            return len(name)
    g = G()
    t = 0
    for i in range(n):
        t += g.abc + g.x
    return t, sys.getrefcount(g)


print(getattr_hook(100))


def gen(xs):
    for i in range(len(xs)):
        yield xs[i] + xs[-1]


print(list(gen([1, 2, 3])) * 2)
print("end")
