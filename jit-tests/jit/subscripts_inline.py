# Subscripts compiled inline (list and tuple read, list write by small-int index) next
# to the cases that must leave the inline path: the boundaries of the index, bool and
# big-int indexes, a list read while list.sort holds it, a store whose replaced item's
# __del__ empties the list, and a tuple/list mix at one site.

def read(seq, i):
    return seq[i]

def write(seq, i, v):
    seq[i] = v

def bounds(seq):
    out = []
    for i in range(-len(seq) - 1, len(seq) + 1):
        try:
            out.append(read(seq, i))
        except IndexError as e:
            out.append(str(e))
    return out

for _ in range(3):
    print(bounds([1, 2, 3]))
    print(bounds((4, 5)))
    print(bounds([]))

a = [10, 20, 30]
print(read(a, True), read(a, False), read((7, 8), True))
try:
    read(a, 2 ** 70)
except IndexError as e:
    print("IndexError", e)
try:
    write(a, 2 ** 70, 0)
except IndexError as e:
    print("IndexError", e)
for i in range(3):
    write(a, i, i * 1.5)
write(a, -1, "last")
print(a)

class Noisy:
    def __init__(self, name, home):
        self.name = name
        self.home = home
    def __del__(self):
        print("del", self.name, len(self.home))
        self.home.clear()

box = []
box.append(Noisy("first", box))
write(box, 0, "replaced")
print(box)

data = [5, 3, 9, 1]
seen = []
def key(x):
    # list.sort empties the list while it sorts (CPython: the list looks empty).
    try:
        seen.append(read(data, 0))
    except IndexError as e:
        seen.append("IndexError")
    return x
data.sort(key=key)
print(data, seen)

mixed = [[1, 2], (3, 4), [5, 6], (7, 8)]
total = 0
for _ in range(50):
    for s in mixed:
        total += read(s, 0) * read(s, 1) + read(s, -1)
print(total)
