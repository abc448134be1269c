# sys.getrefcount and __del__ in hot loops, and frames seen from compiled code: a
# suspended generator's gi_frame.f_locals, a callee reading its compiled caller.
import sys


class Noisy:
    count = 0

    def __del__(self):
        Noisy.count += 1


def counts(n):
    x = object()
    seen = set()
    for i in range(n):
        y = x
        seen.add(sys.getrefcount(x))
        del y
        Noisy()
        if i % 100 == 0:
            seen.add(("dels", Noisy.count))
    return sorted(seen, key=str)


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total


def drive(n):
    g = gen(n)
    last = None
    for _ in range(n // 2):
        last = next(g)
    return last, sorted(g.gi_frame.f_locals.items()), g.gi_frame.f_lineno


def peek():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_locals.get("i"), f.f_locals.get("acc")


def caller(n):
    acc = 0
    out = None
    for i in range(n):
        acc += i
        if i == n - 1:
            out = peek()
    return out


print(counts(400))
print(drive(400))
print(caller(400))
