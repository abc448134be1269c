"""Generators: a pipeline of generator stages plus yield from delegation."""
import sys

def source(n):
    i = 0
    while i < n:
        yield i
        i += 1

def scale(it, k):
    for x in it:
        yield x * k

def keep(it, m):
    for x in it:
        if x % m:
            yield x

def window_sums(it, w):
    buf = []
    total = 0
    for x in it:
        buf.append(x)
        total += x
        if len(buf) > w:
            total -= buf.pop(0)
        yield total

def delegating(n):
    yield from source(n)
    yield from scale(source(n), 2)

def main(n):
    acc = 0
    for v in window_sums(keep(scale(source(n), 3), 7), 4):
        acc = (acc + v) % 1000000007
    print(acc)
    print(sum(delegating(n)))
    print(sum(x * x for x in source(n) if x & 1))

main(int(sys.argv[1]) if len(sys.argv) > 1 else 2600000)
