# sys.getsizeof: CPython 3.11's 64-bit sizes for builtin objects.
import sys
g = sys.getsizeof
print([g(x) for x in [0, 1, -1, 2**30 - 1, 2**30, 2**60, -2**62, 10**100, True, False]])
print([g(x) for x in [1.5, 0.0, 1j, None, ..., NotImplemented]])
print([g(x) for x in ["", "a", "abc", "x" * 100, "é", "éa", "€", "€ab", "😀", "😀a"]])
print([g(x) for x in [b"", b"abc", bytearray(), bytearray(b"abc")]])
print([g(x) for x in [[], [1], [1, 2, 3], list(range(10)), list("abc"), [1, 2] + [3], [0] * 10, sorted([3, 1, 2])]])
print(g([i for i in range(10)]), g(list(x for x in range(10))), g(list(x for x in range(3))))
l = []
sizes = []
for i in range(80):
    l.append(i)
    sizes.append(g(l))
print(sizes)
l = [1, 2, 3]
l.extend([4, 5])
print(g(l))
l.insert(0, 1)
l += [1]
print(g(l))
l = list(range(100))
while len(l) > 5:
    l.pop()
print(g(l))
print([g(x) for x in [(), (1,), (1, 2, 3)]])
print([g(x) for x in [{}, {1: 1}, {"a": 1}, dict(a=1, b=2)]])
d = {}
sizes = []
for i in range(100):
    d[i] = i
    sizes.append(g(d))
print(sizes)
d = {}
sizes = []
for i in range(100):
    d[str(i)] = i
    sizes.append(g(d))
print(sizes)
s = set()
sizes = []
for i in range(100):
    s.add(i)
    sizes.append(g(s))
print(sizes)
print([g(x) for x in [set(), frozenset(), {1, 2, 3}, set(range(10)), frozenset(range(10))]])
print([g(x) for x in [range(5), slice(1, 2)]])

class A:
    pass
class S:
    __slots__ = ("x", "y")
class E:
    __slots__ = ()
class W:
    __slots__ = ("x", "__weakref__")
class L(list):
    pass
class D(dict):
    pass
def f():
    pass
print([g(x) for x in [A(), S(), E(), W(), L(), D()]])
print([g(x) for x in [f, lambda: 0, sys, len, [].append, object()]])
print([g(x) for x in [A, S, E, int, type]])
print([x.__sizeof__() for x in [A(), [], (1,), {}, 1, "a", 1.0, set()]])
print(g(1, 5))

class Bad:
    def __sizeof__(self):
        return -1
try:
    g(Bad())
except ValueError as e:
    print("ValueError", e)

class Custom:
    def __sizeof__(self):
        return 100
print(g(Custom()))
