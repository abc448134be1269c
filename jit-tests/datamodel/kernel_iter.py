# Compute kernel: custom iterators and __getitem__ in loops
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        i = self.i
        if i >= self.n:
            raise StopIteration
        self.i = i + 1
        return i
s = 0
for v in Range2(100000):
    s += v
print(s)
class Table:
    def __init__(self, w, h):
        self.w = w
        self.cells = [0] * (w * h)
    def __getitem__(self, key):
        x, y = key
        return self.cells[y * self.w + x]
    def __setitem__(self, key, v):
        x, y = key
        self.cells[y * self.w + x] = v
    def __len__(self):
        return len(self.cells)
t = Table(60, 60)
for y in range(60):
    for x in range(60):
        t[x, y] = (x * y) % 13
tot = 0
for y in range(1, 59):
    for x in range(1, 59):
        tot += t[x - 1, y] + t[x + 1, y] - t[x, y - 1] * t[x, y + 1]
print(tot, len(t))
