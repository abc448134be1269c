# Operator dispatch: subclasses of numbers, reflected operands, NotImplemented.
class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"
    def __radd__(self, other):
        return "MyInt.radd"

class Plain(int):
    pass

class F(float):
    def __repr__(self):
        return "F(" + float.__repr__(self) + ")"

m = MyInt(5)
print(m, m + 1, 1 + m, m * 2, type(m * 2).__name__, m == 5, isinstance(m, int), int(m), type(int(m)).__name__)
p = Plain(7)
print(p + 1, type(p + 1).__name__, p // 2, -p, abs(Plain(-3)), p.bit_length(), hex(p), str(p), repr(p), hash(p) == hash(7))
f = F(2.5)
print(f, f + 1, type(f + 1).__name__, f * 2, round(f), str(f), F(), F("1.5"))

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x)
        if isinstance(other, int):
            return Vec(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        return Vec(other * 100 + self.x)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x
    def __lt__(self, other):
        return self.x < other
    def __repr__(self):
        return "Vec(%r)" % self.x

print(Vec(1) + Vec(2), Vec(1) + 5, 5 + Vec(1), Vec(3) == Vec(3), Vec(3) != Vec(3), Vec(3) != Vec(4), 2 > Vec(1), Vec(1) < 2)
try:
    Vec(1) + "s"
except TypeError as e:
    print(e)

class Base:
    def __mul__(self, o):
        return "Base.mul"
    def __rmul__(self, o):
        return "Base.rmul"

class Derived(Base):
    def __rmul__(self, o):
        return "Derived.rmul"

print(Base() * Derived(), Derived() * Base(), 3 * Derived(), Derived() * 3)

class R:
    def __rsub__(self, other):
        return "rsub %r" % (other,)
    def __rpow__(self, other):
        return "rpow"
    def __index__(self):
        return 6

print(10 - R(), 2 ** R(), 2.5 - R(), bin(R()), [1, 2, 3, 4, 5, 6, 7][R()])
print(int.__add__(3, True), True.__add__(1), (5).__eq__(5.0), (5.0).__eq__(5), NotImplemented.__class__.__name__)
