# arithmetic operator overloading, reflected ops, NotImplemented
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        if isinstance(k, V):
            return sum(a * b for a, b in zip(self.c, k.c))
        return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return V(*(a // k for a in self.c))
    def __mod__(self, k):
        return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None):
        return V(*(pow(a, k, mod) for a in self.c))
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return V(*reversed(self.c))
    def __matmul__(self, o):
        return "matmul"
    def __lshift__(self, n):
        return V(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rshift__(self, o): return "rshift"
    def __rsub__(self, o): return "rsub"
    def __rtruediv__(self, o): return "rtruediv"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __rmod__(self, o): return "rmod"
    def __rpow__(self, o): return "rpow"
    def __rmatmul__(self, o): return "rmatmul"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 2, 2 * a, a * b, a / 2, b // 2, b % 3, a ** 2, pow(b, 2, 5))
print(-a, +a, abs(b), ~a, a @ b, a << 1, a & 1, a | 1, a ^ 1, a >> 1)
print(1 - a, 1 / a, 1 // a, 1 % a, 2 ** a, 1 @ a, 1 & a, 1 | a, 1 ^ a, 1 << a, 1 >> a)
print(sum([a, b], V(0, 0)))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("radd TypeError:", e)
class Sub(V):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(V(1) + Sub(2))
class NoOps:
    pass
for op in [lambda: NoOps() + 1, lambda: 1 - NoOps(), lambda: NoOps() * NoOps(), lambda: -NoOps(), lambda: NoOps() < 1]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
