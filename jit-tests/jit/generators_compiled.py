"""Generators compiled by the JIT: pipelines, send/throw/close, exact frames of
suspended generators, exceptions and type changes inside hot generator loops."""
import sys
import traceback


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


def pipeline(n):
    total = 0
    for v in keep(scale(source(n), 3), 7):
        total += v
    return total


for n in (0, 1, 10, 500, 3000):
    print("pipeline", n, pipeline(n))

# The generator ends inside a compiled `for`: the loop's else and what follows run.
def consume(n):
    count = 0
    for x in source(n):
        count += x
    else:
        count = -count
    return count

print("consume", [consume(k) for k in range(0, 400, 37)])


# send() and the value of yield
def accumulator():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return total

for rounds in range(3):
    g = accumulator()
    next(g)
    for i in range(300):
        g.send(i)
    try:
        g.send(None)
    except StopIteration as e:
        print("accumulator", rounds, e.value)


# Exact frames of a suspended generator that runs compiled code.
def counter(n):
    i = 0
    while i < n:
        marker = i * 2
        yield i
        i += 1

g = counter(1000)
for _ in range(400):
    next(g)
f = g.gi_frame
print("suspended", f.f_lineno, f.f_code.co_name, sorted(f.f_locals.items()))
print("running", g.gi_running, "lasti is a yield", f.f_lasti >= 0)


# throw() and close() into a hot generator, try/finally inside it
def guarded(log):
    i = 0
    try:
        while True:
            try:
                yield i
            except ValueError as e:
                log.append(("caught", str(e), i))
            i += 1
    finally:
        log.append(("finally", i))

log = []
g = guarded(log)
for k in range(500):
    v = next(g)
    if k % 100 == 99:
        v = g.throw(ValueError("bad %d" % k))
g.close()
print("guarded", log)


# An exception raised inside a compiled generator: traceback lines as CPython's.
def fragile(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError(i)
        yield i

try:
    total = 0
    for v in fragile(600):
        total += v
except KeyError as e:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print("fragile", total, repr(e), [(fr.name, fr.lineno) for fr in tb])


# Types change in a hot generator loop: int -> float -> big int -> str.
def mixed(n):
    acc = 0
    for i in range(n):
        if i == n // 4:
            acc = float(acc)
        elif i == n // 2:
            acc = int(acc) * 10 ** 30
        elif i == 3 * n // 4:
            acc = str(acc)[:12]
        if isinstance(acc, str):
            acc = acc + "x"
        else:
            acc = acc + i
        yield acc

vals = list(mixed(800))
print("mixed", vals[0], vals[199], vals[201], vals[401], vals[599], vals[-1][:30], len(vals[-1]))


# Generator expressions, nested generators and yield from.
print("genexpr", sum(x * x for x in source(2000) if x & 1))
print("nested", sum(sum(y for y in source(x)) for x in source(80)))

def delegating(n):
    yield from source(n)
    yield from scale(source(n), 2)

print("delegating", sum(delegating(700)))
print("list", list(keep(source(40), 3)))
