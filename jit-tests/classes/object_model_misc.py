# object model odds and ends: vars/dir, reprs, slots errors, operators, iteration, context managers
class A:
    x = 1
    def __init__(self):
        self.y = 2
a = A()
print(vars(a), A.__dict__["x"], getattr(a, "x"), a.__class__.__name__)
print(dir(a)[-3:], sorted(set(dir(a)) - set(dir(object))))
class B(A):
    def __repr__(self):
        return "B!"
print([B()], str(B()), f"{B()!s}", "%s" % B(), "%r" % B())
class Pt:
    __slots__ = ("x",)
try:
    vars(Pt())
except TypeError as e:
    print(e)
try:
    Pt().__dict__
except AttributeError as e:
    print(e)
class Q:
    def __eq__(self, o): return isinstance(o, Q)
    __hash__ = object.__hash__
print(Q() == Q(), len({Q(), Q()}))
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __repr__(self): return f"Num({self.v})"
print(Num(1) + 2, 3 + Num(1), sum([Num(1), Num(2)], Num(0)))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1)]), max([Cmp(3), Cmp(5)]), Cmp(1) > Cmp(0))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
class Iter:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(Iter()), [x * 2 for x in Iter()], sum(Iter()))
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None); return True
with CM() as c:
    raise ValueError("x")
print("after")
class Ctx(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
e = Ctx(1, 2)
print(e, repr(e), e.a, e.args)
class NoStr(Exception):
    def __str__(self):
        raise RuntimeError("bad")
print(type(NoStr()).__mro__[1].__name__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print(e)
try:
    del a.nope
except AttributeError as e:
    print(e)
try:
    A.nope
except AttributeError as e:
    print(e)
f = lambda: 0
f.custom = 5
print(f.custom, f.__dict__)
print(isinstance(A, type), isinstance(a, object), issubclass(A, object), type(a) is A, A.__base__)
print(int.__subclasscheck__(bool), type.__instancecheck__(int, 3))
class WithClassVar:
    items = []
    def add(self, x): self.items.append(x)
w1, w2 = WithClassVar(), WithClassVar()
w1.add(1)
print(w2.items, WithClassVar.items)
class Prop:
    def __init__(self): self._v = 0
    v = property(lambda self: self._v, lambda self, x: setattr(self, "_v", x * 10), doc="the v")
p = Prop(); p.v = 2
print(p.v, Prop.v.__doc__, type(Prop.v).__name__, Prop.v.fget is not None)
