# len() in compiled loops: lists and tuples inline, and what must leave the inline path:
# other sized objects (str, dict, a class with __len__ raising or returning a bad value),
# len rebound to another builtin or a Python function, a list read while list.sort holds
# it, and len called with no sized argument (TypeError with CPython's message).

def total(seqs):
    t = 0
    for s in seqs:
        t += len(s)
    return t

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Bad:
    def __len__(self):
        return -1

print(total([[1, 2, 3], (4, 5), [], ()] * 20))
print(total(["abc", {1: 2}, Sized(7), range(5), b"xy"]))
for bad in (Bad(), 5, None):
    try:
        total([[1], bad])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def shrink(xs):
    out = []
    while len(xs) > 0:
        out.append(len(xs))
        xs.pop()
    return out

print(shrink(list(range(6))))

data = [3, 1, 2]
seen = []
def key(v):
    seen.append(len(data))
    return v
data.sort(key=key)
print(data, seen)

def rebound(xs):
    len = abs
    return [len(x) for x in xs]

print(rebound([-1, 2, -3]))
g_len = len
def via_global(xs):
    return sum(g_len(x) for x in xs)
print(via_global([[1], (2, 3)]))
import builtins
saved = builtins.len
builtins.len = lambda x: 42
try:
    print(total([[1, 2], (1,)]))
finally:
    builtins.len = saved
print(total([[1, 2], (1,)]))
