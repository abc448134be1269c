class A: pass
class B(A): pass
class C:
    __class__ = A
class D:
    @property
    def __class__(self): return B
class G:
    def __getattribute__(self, n):
        if n == "__class__": return B
        return object.__getattribute__(self, n)
class M(type):
    def __instancecheck__(cls, inst): return True
class N(metaclass=M): pass
class P:
    def __init__(self): self.v = 3
    @property
    def x(self): return self.v * 2
    @property
    def bad(self): raise AttributeError("nope")
class Q(P):
    def __getattr__(self, n): return "fallback:" + n
class PP(property): pass
class R:
    @PP
    def y(self): return "pp"
p = P(); p.__dict__["x"] = "shadow"
print(isinstance(B(), A), isinstance(A(), B), isinstance(C(), A), isinstance(D(), A), isinstance(G(), A), isinstance(3, N))
print(isinstance(1, str), isinstance("s", int), isinstance([], (int, list)), isinstance(True, int))
print(p.x, Q().bad, R().y)
try: P().bad
except AttributeError as e: print("AE", e)
class S:
    @property
    def z(self): return 1
    @z.setter
    def z(self, v): print("set", v)
s = S(); s.z = 5; print(s.z)
