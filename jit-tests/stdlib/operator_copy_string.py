# operator (itemgetter, attrgetter, methodcaller), string constants, copy/deepcopy
import copy, operator, string
from operator import itemgetter, attrgetter, methodcaller
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data, key=itemgetter(1)), sorted(data, key=itemgetter(0)), itemgetter(1, 0)(data[0]), itemgetter(1))
class P:
    def __init__(self, n, age): self.n = n; self.age = age
    def __repr__(self): return f"P({self.n}, {self.age})"
ps = [P("x", 30), P("y", 20)]
print(sorted(ps, key=attrgetter("age")), attrgetter("n", "age")(ps[0]), methodcaller("upper")("abc"))
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.contains([1, 2], 2), operator.abs(-3), operator.truth(0))
import functools
print(functools.reduce(operator.add, [1, 2, 3]), list(map(operator.pow, [2, 3], [3, 2])))
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello   world"))
a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
a[1]["k"].append(4)
print(b, c, b[0] is a[0], c[0] is a[0])
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
n = Node(1); n.children.append(Node(2))
m = copy.deepcopy(n)
n.children[0].v = 50
print(m.children[0].v, type(m).__name__, m is n)
s = copy.copy(n)
print(s.children is n.children, s.v)
class S:
    __slots__ = ("a", "b")
x = S(); x.a = [1]; x.b = 2
y = copy.deepcopy(x)
x.a.append(2)
print(y.a, y.b)
class WithCopy:
    def __copy__(self): return "custom copy"
    def __deepcopy__(self, memo): return "custom deep"
print(copy.copy(WithCopy()), copy.deepcopy(WithCopy()))
r = [1]; r.append(r)
rr = copy.deepcopy(r)
print(rr[1] is rr, rr[0])
