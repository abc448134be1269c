# __len__, __getitem__ with slices, __setitem__, __delitem__, __contains__, __iter__, __reversed__
class Seq:
    def __init__(self, n):
        self.data = list(range(n))
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            print("slice", i.start, i.stop, i.step)
            return self.data[i]
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.data[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.data[i]
s = Seq(6)
print(len(s), s[2], s[-1], s[1:4], s[::2], s[:], s[::-1])
s[0] = 100
s[1:3] = [7, 8]
del s[0]
del s[::2]
print(s.data, bool(s), 8 in s, 99 in s)
print(list(s), [x for x in Seq(3)], sum(Seq(5)))
class OldIter:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(OldIter()), 9 in OldIter(), 5 in OldIter())
class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == "yes"
print("yes" in Contains(), "no" in Contains(), "no" not in Contains())
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
    def __reversed__(self):
        return iter("REV")
print(list(reversed(Rev())), list(Rev()))
class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[1, 2], g[1:2, ::3], g[...], g["k"], g[:, 0])
class ZeroLen:
    def __len__(self):
        return 0
print(bool(ZeroLen()), not ZeroLen())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class Mapping:
    def __init__(self):
        self.d = {"a": 1}
    def keys(self):
        return self.d.keys()
    def __getitem__(self, k):
        return self.d[k] * 10
print(dict(Mapping()), {**Mapping()})
