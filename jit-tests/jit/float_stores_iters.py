# Compiled float stores into list items (the item object reused when only the list holds
# it), float ** inline, and range/list iterators stepped inline: every case the fast
# paths must hand back.
import sys


def update(bodies, pairs, dt, steps):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            d2 = dx * dx + 0.25
            mag = dt / (d2 * d2 ** 0.5)
            b1[1] -= dx * mag
            b2[1] += dx * mag
        for b in bodies:
            b[0] += dt * b[1]


bodies = [[0.0, 1.0], [1.0, -0.5], [3.0, 0.25]]
pairs = [(bodies[i], bodies[j]) for i in range(3) for j in range(i + 1, 3)]
keep = bodies[0][1]  # a second reference: that item must not change in place
update(bodies, pairs, 0.01, 300)
print([[round(x, 9) for x in b] for b in bodies], keep)


def shared_items(xs, n):
    seen = []
    for i in range(n):
        old = xs[0]
        xs[0] = old * 2.0 + 1.0
        seen.append(old)
    return seen


xs = [1.5]
print(shared_items(xs, 5), xs)


def mixed_items(xs, n):
    for i in range(n):
        xs[i % 3] = xs[i % 3] * 1.5
    return xs


print(mixed_items([1, 2.0, True], 9))


class L(list):
    pass


print(mixed_items(L([1.0, 2.0, 3.0]), 6))
print(mixed_items({0: 1.0, 1: 2.0, 2: 4.0}, 6))


def same_object(n):
    out = []
    for i in range(n):
        a = b = i * 0.5
        out.append(a is b)
    return out


print(same_object(4))


def powers(bases, exps):
    out = []
    for b in bases:
        for e in exps:
            try:
                out.append(b ** e)
            except (ZeroDivisionError, OverflowError, ValueError) as exc:
                out.append(type(exc).__name__ + ": " + str(exc))
    return out


inf, nan = float("inf"), float("nan")
for r in powers([2.0, 0.5, -2.0, 0.0, -0.0, 1.0, inf, -inf, nan, 1e300], [0.5, 2.0, -1.0, 3.0, 0.0, inf, -inf, nan, 1e10, -1.5]):
    print(repr(r))


def hot_pow(n):
    t = 0.0
    for i in range(1, n):
        t += (i * 1.0) ** 0.5
        if i == n // 2:
            try:
                t += (-1.0) ** 0.5
            except TypeError:
                pass
    return t


print(repr(hot_pow(2000)))


def sum_range(r):
    t = 0
    for i in r:
        t += i
    return t


for r in [range(10), range(10, 0, -3), range(0), range(2**62 - 3, 2**62 + 3), range(-2**62 - 2, -2**62 + 2),
          range(2**63 - 2, 2**63 + 2), reversed(range(5)), range(5, -5, -1)]:
    print(sum_range(r))


def walk(xs):
    out = []
    for x in xs:
        out.append(x)
        if x == 2:
            xs.append(10)
        if x == 10:
            xs.clear()
    return out


print(walk([1, 2, 3]), walk(L([1, 2, 3])), walk([5, 6]))


def two_loops(it):
    a = []
    for x in it:
        a.append(x)
        if x == 3:
            break
    for y in it:
        a.append(-y)
    return a


print(two_loops(iter(range(7))), two_loops(iter([1, 2, 3, 4, 5])))


def sorting_inside(xs):
    out = []
    for x in xs:
        out.append(x)
        try:
            xs.sort(key=lambda v: [out.append(w) for w in xs] and -v)
        except ValueError as e:
            out.append(str(e))
    return out


print(sorting_inside([3, 1, 2]))


def refcounts(n):
    xs = [0.5, 1.5]
    for i in range(n):
        xs[0] = xs[1] * 2.0
    return sys.getrefcount(xs[0]), xs


print(refcounts(100))
