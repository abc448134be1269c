# rich comparisons, reflection, __eq__/__hash__ interplay
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __eq__(self, o):
        print(f"eq {self} {o}")
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        print(f"lt {self} {o}")
        if not isinstance(o, N):
            return NotImplemented
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __hash__(self):
        return hash(self.v)
a, b = N(1), N(2)
print(a < b)
print(a > b)
print(a == N(1), a != b)
print(a == 5)
print(5 == a)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
print(sorted([N(3), N(1), N(2)]))
print(N(1) in [N(0), N(1)])
print(len({N(1), N(1), N(2)}))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class Default:
    pass
d1, d2 = Default(), Default()
print(d1 == d1, d1 == d2, d1 != d2, hash(d1) == hash(d1))
class Weird:
    def __eq__(self, o):
        return "truthy string"
    def __ne__(self, o):
        return 0
print(Weird() == 1, Weird() != 1)
class Base:
    def __eq__(self, o):
        return "Base.eq"
class Derived(Base):
    def __eq__(self, o):
        return "Derived.eq"
print(Base() == Derived(), Derived() == Base())
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(5) > OnlyLt(3), max([OnlyLt(1), OnlyLt(9)]).v)
