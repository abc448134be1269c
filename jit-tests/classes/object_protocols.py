# super, descriptors, metaclasses, __getattr__/__getattribute__, slots, exceptions, builtins
class Base:
    def __init__(self, x):
        self.x = x
    def hello(self):
        return "base " + str(self.x)
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def st(a, b):
        return a + b
class Der(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def hello(self):
        return "der " + super().hello()
    @classmethod
    def make(cls, v):
        return super().make(v) if cls is Base else cls(v, v)
d = Der(1, 2)
print(d.hello(), d.x, d.y, Der.st(3, 4), d.st(1, 1))
print(Der.make(5).y, type(Der.make(5)).__name__)
print(isinstance(d, Base), isinstance(d, (int, Base)), issubclass(Der, Base), issubclass(Base, Der))
print(super(Der, d).hello())

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return "got " + self.name
    def __set__(self, obj, value):
        print("set", self.name, value)
class UsesDesc:
    a = Desc()
u = UsesDesc()
print(u.a)
u.a = 5
print(type(UsesDesc.a).__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a)
class WithMeta(metaclass=Meta, flag=1):
    pass
w = WithMeta()
print(type(WithMeta).__name__, type(w).__name__)

class Reg:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Reg.subs.append((cls.__name__, tag))
class R1(Reg, tag="one"): pass
class R2(R1): pass
print(Reg.subs)

class GA:
    def __getattr__(self, name):
        return "dyn_" + name
g = GA()
g.real = 1
print(g.real, g.missing)

class GAB:
    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)
gb = GAB()
gb.v = 3
print(gb.secret, gb.v)
try:
    gb.nope
except AttributeError as e:
    print("AE", e)

class Pt:
    def __init__(self, x): self._x = x
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting")
p = Pt(1)
p.x = 5
print(p.x, Pt.x.__doc__)
del p.x

class Sl:
    __slots__ = ("a", "__dict__")
s = Sl()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__)

class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("boom", 7)
except E as e:
    print(e, e.code, repr(e), e.args)
try:
    raise KeyError("k")
except LookupError as e:
    print(repr(e), str(e))
try:
    {}["zz"]
except KeyError as e:
    print("KeyError", e)
e = ValueError("a")
e.add_note("note1")
print(e.__notes__)
try:
    try:
        1/0
    except ZeroDivisionError as z:
        raise ValueError("x") from z
except ValueError as v:
    print(type(v.__cause__).__name__, v.__suppress_context__, type(v.__context__).__name__)
print(StopIteration(5).value, SystemExit(3).code, SystemExit().code)
err = ImportError("m", name="mod")
print(err.name, err.path, err.msg, str(err))
print(AttributeError("x", name="n", obj=1).name)
class Counter:
    count = 0
    def __init__(self): Counter.count += 1
Counter(); Counter()
print(Counter.count)
class WithEq:
    def __eq__(self, o): return True
print(WithEq.__hash__)
try:
    hash(WithEq())
except TypeError as e:
    print(e)
print(hasattr(d, "x"), hasattr(d, "zz"), getattr(d, "zz", 9))
setattr(d, "q", 11); print(d.q); delattr(d, "q"); print(hasattr(d, "q"))
print(callable(d), callable(Der), callable(len), callable(d.hello))
print(Der.__mro__)
print(Der.__bases__, Der.__base__, Der.__name__, Der.__qualname__, Der.__module__)
print(int | None)
print(isinstance(3, int | str), isinstance("s", int | str), isinstance(3.0, int | str))
print(type("Dyn", (Base,), {"z": 1})(4).z)
print(Base.__subclasses__())
print(object.__repr__(d)[:17])
