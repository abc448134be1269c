# __hash__ and __eq__ in sets and dicts
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a},{self.b})"
d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
cs = {Collide(i) for i in range(20)}
print(len(cs), Collide(5) in cs, Collide(50) in cs)
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class InheritEq(Key):
    pass
print(hash(InheritEq(1, 2)) == hash(Key(1, 2)))
class OverrideEq(Key):
    def __eq__(self, o):
        return False
print(OverrideEq.__hash__)
class HashBig:
    def __hash__(self):
        return 2 ** 100
print(hash(HashBig()) == hash(2 ** 100))
class HashBad:
    def __hash__(self):
        return "nope"
try:
    hash(HashBad())
except TypeError as e:
    print("TypeError:", e)
print(hash(-1), hash(-1.0), hash((1, "a")) == hash((1, "a")), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
