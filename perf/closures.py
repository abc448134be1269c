"""Closures: counters with nonlocal state, adders and composed functions, decorators,
and higher-order helpers taking lambdas."""
import sys


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def memo(fn):
    cache = {}

    def wrapper(n):
        r = cache.get(n)
        if r is None:
            r = fn(n)
            cache[n] = r
        return r

    return wrapper


def fold(fn, items, acc):
    for x in items:
        acc = fn(acc, x)
    return acc


def main(n):
    counters = [make_counter(k) for k in range(1, 6)]
    total = 0
    for i in range(n):
        total += counters[i % 5]()
    print(total)

    adders = [(lambda k: lambda x: x + k)(k) for k in range(8)]
    f = compose(adders[3], compose(adders[5], adders[7]))
    acc = 0
    for i in range(n):
        acc = (acc + f(i)) % 1000003
    print(acc)

    @memo
    def collatz(m):
        steps = 0
        while m != 1:
            m = m // 2 if m % 2 == 0 else 3 * m + 1
            steps += 1
        return steps

    print(fold(lambda a, x: a + collatz(x % 5000 + 1), range(n), 0))
    print(fold(lambda a, x: max(a, x * 7 % 1013), range(n), 0))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1200000)
