# C3 linearization
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
class X: pass
class Y: pass
try:
    class Bad(X, Y, X): pass
except TypeError as e:
    print("TypeError:", e)
class P1(X, Y): pass
class P2(Y, X): pass
try:
    class Conflict(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Sub(X, P1): pass
except TypeError as e:
    print("TypeError:", e)
class Sub2(P1, X): pass
print([k.__name__ for k in Sub2.__mro__])
class M:
    def f(self):
        return ["M"]
class N(M):
    def f(self):
        return ["N"] + super().f()
class Q(M):
    def f(self):
        return ["Q"] + super().f()
class R(N, Q):
    def f(self):
        return ["R"] + super().f()
print(R().f())
print(object.__mro__, int.__mro__, bool.__mro__)
