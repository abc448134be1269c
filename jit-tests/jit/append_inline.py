# list.append in compiled loops: inline while the list has room, and what must leave the
# inline path: growing past the capacity, a list subclass, append rebound or called
# unbound, a list appended to while list.sort holds it (sort's ValueError), a
# non-list with an append method, and the appended objects' reference counts.
import sys

def fill(xs, n):
    for i in range(n):
        xs.append(i * i)
    return xs

print(fill([], 100)[-3:], len(fill([1, 2], 1000)))

class MyList(list):
    def append(self, x):
        super().append(("wrapped", x))

print(fill(MyList(), 3))

class Log:
    def __init__(self):
        self.items = []
    def append(self, x):
        self.items.append(-x)

log = Log()
fill(log, 4)
print(log.items)

def through(ap, xs, n):
    for i in range(n):
        ap(xs, i)
    return xs

print(through(list.append, [], 5))

data = [3, 1, 2]
def key(v):
    data.append(v)
    return v
try:
    data.sort(key=key)
except ValueError as e:
    print("ValueError", e)
print(data)

obj = object()
before = sys.getrefcount(obj)
keep = []
for _ in range(50):
    keep.append(obj)
print(sys.getrefcount(obj) - before)
keep.clear()
print(sys.getrefcount(obj) - before)

def nested(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(i):
            row.append(j)
        rows.append(row)
    return rows

print(nested(6))
