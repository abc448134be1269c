# __prepare__, slots inheritance, __class__ assignment, descriptors, builtin subclasses
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class O(metaclass=OrderedMeta, x=2):
    a = 1
print(O.injected, O.a, type(O))

class A:
    __slots__ = ("x",)
class B(A):
    __slots__ = ("y",)
b = B(); b.x = 1; b.y = 2
print(b.x, b.y, B.__slots__, hasattr(b, "__dict__"))
class C(B): pass
c = C(); c.z = 3; print(c.z, c.__dict__)

class P1:
    def who(self): return "P1"
class P2:
    def who(self): return "P2"
p = P1()
p.__class__ = P2
print(p.who(), type(p).__name__)
try:
    p.__class__ = int
except TypeError as e:
    print(e)

class D:
    def __get__(self, o, t=None): return "D.get"
    def __delete__(self, o): print("D.delete")
class HasD:
    d = D()
h = HasD()
h.__dict__["d"] = "inst"
print(h.d)
del h.d

class CP:
    @classmethod
    @property
    def cprop(cls): return "cprop of " + cls.__name__
print(CP.cprop)
sm = staticmethod(lambda: 5)
print(sm(), isinstance(sm, staticmethod))

class W:
    def m(self): pass
print("m" in dir(W()), "__init__" in dir(W), sorted(vars(W()).keys()))
X = type("X", (object,), {"v": 3})
print(X.v, X.__name__, X.__module__, repr(X))
class N:
    def __eq__(self, o): return "eq-result"
print(N() != N(), N() == 1)
o1 = object(); o2 = object()
print(o1 == o1, o1 != o2, o1 == o2)
try:
    o1 < o2
except TypeError as e:
    print(e)
class R:
    pass
print(str(R())[:12], format(R(), "")[:12])
try:
    format(R(), "x")
except TypeError as e:
    print(e)
print(repr(Exception("a", 1)), str(Exception("a", 1)), str(Exception()), repr(Exception()))
class E2(Exception): pass
print(repr(E2("x")), E2.__module__, E2.__qualname__)
try:
    raise E2
except E2 as e:
    print(repr(e), e.args)
print(type.__repr__(int), int.__name__, int.__module__, int.__qualname__)
print(type(type), type(object), object.__bases__, type.__bases__, int.__mro__)
print(issubclass(bool, int), isinstance(True, int), isinstance(int, type))
class Abc:
    __slots__ = ()
try:
    Abc().x = 1
except AttributeError as e:
    print(e)
class WithNew:
    def __new__(cls, *a, **k):
        print("new", a, k)
        return super().__new__(cls)
    def __init__(self, *a, **k):
        print("init", a, k)
WithNew(1, k=2)
class Sing:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Sing() is Sing())
class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)
class MyInt(int):
    def double(self): return self * 2
mi = MyInt(21)
print(mi, mi.double(), mi + 1, type(mi + 1).__name__)
class MyDict(dict):
    def __missing__(self, k): return k * 2
md = MyDict(a=1)
print(md["a"], md["bb"], md)
class MyStr(str):
    pass
ms = MyStr("hi")
print(ms, ms.upper(), len(ms), ms == "hi")
class Base2:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Sub2(Base2, color="red"): pass
try:
    class Bad(object, foo=1): pass
except TypeError as e:
    print(e)
