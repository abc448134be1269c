# Compiled code calling compiled code inline (frame pushed and popped without the
# interpreter): every case the inline path must hand over to the runtime, in hot loops.
import sys
import gc


class Noisy:
    count = 0

    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        # Runs while the callee's frame is being retired by the caller's compiled code.
        Noisy.count += 1
        depth = 0
        f = sys._getframe()
        while f is not None:
            depth += 1
            f = f.f_back
        if Noisy.count % 500 == 1:
            print("del", self.tag, "depth", depth, "helper", helper(self.tag))


def helper(x):
    return x * 2


def make_and_drop(i):
    n = Noisy(i)          # the last reference dies when this frame is retired
    return i + 1


def add(a, b):
    return a + b


def look_at_caller(i):
    f = sys._getframe(1)  # a frame object for this frame and its caller
    return f.f_code.co_name, f.f_lineno, i


def raiser(i):
    if i % 250 == 249:
        raise ValueError(i)
    return i


def changes_type(x):
    return x + 1


def gen(n):
    yield from range(n)


def kw(a, b=2, *, c=3):
    return a + b + c


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def scaled(self, k):
        return Point(self.x * k, self.y * k)

    @staticmethod
    def origin():
        return Point(0, 0)


def run():
    total = 0
    for i in range(3000):
        total += make_and_drop(i)
        total += add(i, 1)
        total = add(total, -i)
    print("total", total, "dels", Noisy.count)

    names = set()
    for i in range(1000):
        name, line, j = look_at_caller(i)
        names.add((name, line))
    print(sorted(names))

    caught = 0
    for i in range(1000):
        try:
            raiser(i)
        except ValueError as e:
            caught += 1
            last = e.__traceback__.tb_next.tb_lineno
    print("caught", caught, "line", last)

    vals = []
    for i in range(600):
        x = i if i < 300 else (i + 0.5 if i < 450 else 2 ** 70 + i)
        vals.append(changes_type(x))
    print(vals[0], vals[299], vals[300], vals[449], vals[450], vals[-1])

    s = 0
    for i in range(300):
        s += sum(gen(3)) + kw(i) + kw(i, 1) + kw(i, c=0)
    print("s", s)

    p = Point(3, -4)
    acc = 0
    for i in range(2000):
        acc += p.norm1() + p.scaled(2).norm1() + Point.origin().norm1()
    print("acc", acc)


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


def many_frames(n):
    # More frames alive at once than the pool keeps.
    if n == 0:
        return [deep(100) for _ in range(3)]
    return many_frames(n - 1)


run()
print(deep(500), many_frames(200))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    deep(1000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(deep(150))
gc.collect()
