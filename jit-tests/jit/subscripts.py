# List and tuple subscripts in compiled loops: reads and writes by small-int index,
# negative indexes, an index out of range (IndexError from the interpreter, right line),
# a dict and a list subclass where a helper declines, and the replaced item's __del__.

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
    return count

def total(seq):
    t = 0
    i = 0
    n = 5
    while i < n:
        t += seq[i] + seq[-1 - i]
        i += 1
    return t

def fill(dst, n):
    for i in range(n):
        dst[i] = i * i
    return dst

class L(list):
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v + 1000)

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print(sieve(10), sieve(1000), sieve(20000))
print(total([1, 2, 3, 4, 5]), total((10, 20, 30, 40, 50)), total({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, -1: 0, -2: 0, -3: 0, -4: 0, -5: 0}))
print(fill([0] * 6, 6), fill(L([0] * 4), 4), fill({}, 3))
try:
    fill([0] * 3, 5)
except IndexError as e:
    import traceback
    print("caught", e, traceback.extract_tb(e.__traceback__)[-1].lineno)
holder = [D("a"), D("b")]
def replace(h, n):
    i = 0
    while i < n:
        h[i % 2] = i
        i += 1
    return h
print(replace(holder, 10))
