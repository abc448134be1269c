# generator pipelines and lazy evaluation
def numbers():
    n = 0
    while True:
        n += 1
        yield n
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def mapg(f, it):
    for x in it:
        yield f(x)
def filterg(p, it):
    for x in it:
        if p(x):
            yield x
pipeline = take(10, filterg(lambda v: v % 3 == 0, mapg(lambda v: v * v, numbers())))
print(list(pipeline))
def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(windows(range(6), 3)))
def trace(name, it):
    for x in it:
        print(f"{name} yields {x}")
        yield x
for v in trace("outer", trace("inner", range(3))):
    print("consumed", v)
def running_avg():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
ps = primes()
print([next(ps) for _ in range(15)])
import itertools
print(list(itertools.islice(primes(), 5, 10)))
