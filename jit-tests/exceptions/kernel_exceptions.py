# Compute kernel: exceptions in loops
def parse(tokens):
    ok = bad = 0
    total = 0
    for t in tokens:
        try:
            total += int(t)
            ok += 1
        except ValueError:
            bad += 1
    return ok, bad, total

toks = [str(i) if i % 7 else "x" + str(i) for i in range(10000)]
print(parse(toks))
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0
    finally:
        pass
s = 0
for i in range(20000):
    s += safe_div(i, i % 5)
print(s)
d = {}
misses = 0
for i in range(10000):
    k = i % 97
    try:
        d[k] += 1
    except KeyError:
        d[k] = 1
        misses += 1
print(misses, d[0], d[96])
class Stop(Exception):
    pass
def search(n):
    try:
        for i in range(n):
            for j in range(n):
                if i * j == 1369:
                    raise Stop((i, j))
    except Stop as e:
        return e.args[0]
print(search(100))
