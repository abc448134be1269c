# Compute kernel: generator-heavy loops
def gen_range(n):
    i = 0
    while i < n:
        yield i
        i += 1

def squares(it):
    for x in it:
        yield x * x

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

total = 0
for v in evens(squares(gen_range(100000))):
    total += v
print(total)
print(sum(x * 3 for x in range(100000) if x & 1))
def pairs(n):
    for i in range(n):
        for j in range(i):
            yield i, j
c = 0
for i, j in pairs(300):
    c += i ^ j
print(c)
def delegate(n):
    yield from gen_range(n)
    yield from squares(gen_range(n))
print(sum(delegate(20000)))
def chunks(seq, k):
    for i in range(0, len(seq), k):
        yield seq[i:i + k]
data = list(range(5000))
print(sum(max(ch) - min(ch) for ch in chunks(data, 7)))
