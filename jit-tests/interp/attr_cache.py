# Attribute inline caches (LoadAttr/StoreAttr/LoadMethod): every access below runs from
# the same instruction several times, so a stale cache entry would show up.
import sys


class C:
    k = 10

    def __init__(self, x):
        self.x = x

    def m(self):
        return "C.m"


def get_x(o):
    return o.x


def get_k(o):
    return o.k


def call_m(o):
    return o.m()


def get_m(o):
    return o.m


def set_x(o, v):
    o.x = v


def read(f, o):
    try:
        return f(o)
    except AttributeError as e:
        return "AttributeError: %s" % e


objs = [C(i) for i in range(3)]
print([get_x(o) for o in objs], [get_k(o) for o in objs], [call_m(o) for o in objs])

# instance dict changes: delete, re-add in a different key order, shadow a class attr
o = C(1)
o.y = 2
print(get_x(o), get_x(o))
del o.x
print(read(get_x, o))
o.x = 5
print(get_x(o), o.__dict__)
o.k = "own k"
print(get_k(o), get_k(objs[0]))
o.m = lambda: "instance m"
print(call_m(o), call_m(objs[0]), get_m(o)())
del o.m
print(call_m(o))

# type mutation after caching: replace / delete / add methods and class attributes
C.m = lambda self: "new C.m"
print(call_m(objs[0]), get_m(objs[1])())
C.k = 11
print(get_k(objs[0]), get_k(o))
del C.k
print(read(get_k, objs[0]))
C.k = 12


# a data descriptor added later wins over the instance dict
def prop(self):
    return "property x"


C.x = property(prop)
print(read(get_x, objs[0]))
C.x = property(prop, lambda self, v: print("setter", v))
set_x(objs[0], 3)
set_x(objs[1], 4)
del C.x
print(get_x(objs[0]))
for i in range(3):
    set_x(objs[0], i)
print(get_x(objs[0]))


# subclasses: a base-class change invalidates the subclass entries
class D(C):
    pass


d = D(7)
print(call_m(d), get_k(d))
C.m = lambda self: "C.m v3"
print(call_m(d))
D.m = lambda self: "D.m"
print(call_m(d), call_m(objs[0]))


# __getattr__ only for missing attributes; __getattribute__ for everything
class G:
    def __init__(self):
        self.x = "real x"

    def __getattr__(self, name):
        return "getattr " + name


g = G()
print(get_x(g), get_k(g), get_x(g))
del g.x
print(get_x(g))


class GA(C):
    def __getattribute__(self, name):
        return "getattribute " + name


ga = GA(1)
print(get_x(ga), get_k(ga))
print([read(get_x, z) for z in (objs[0], ga, d, g)])


# __slots__: set, read, delete, missing
class S:
    __slots__ = ("x", "k")

    def __init__(self, x):
        self.x = x

    def m(self):
        return "S.m"


s = S(4)
print(get_x(s), read(get_k, s), call_m(s))
for i in range(3):
    set_x(s, i * 10)
print(get_x(s))
del s.x
print(read(get_x, s))
set_x(s, "back")
print(get_x(s))
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)


# __class__ assignment switches the lookup
class E:
    def m(self):
        return "E.m"


e = C(0)
print(call_m(e))
e.__class__ = E
print(call_m(e), read(get_x, e))

# class attributes read through the class, and module attributes
print(get_k(C), get_k(D))
C.k = 13
print(get_k(C), get_k(D))
D.k = "D.k"
print(get_k(C), get_k(D))
mod = sys.modules[__name__]
print(get_k(mod) if hasattr(mod, "k") else "no k")
k = "module k"
print(get_k(mod), get_k(mod))
k = "module k2"
print(get_k(mod))
del k
print(read(get_k, mod))


# methods of builtin types and of their subclasses
class L(list):
    def append(self, v):
        list.append(self, v * 2)


def push(lst, v):
    lst.append(v)
    return lst


print(push([1], 2), push(L([1]), 2), push([], 3))


# a callable stored on the instance and a staticmethod/classmethod on the class
class H:
    @staticmethod
    def m():
        return "static m"

    @classmethod
    def c(cls):
        return "class " + cls.__name__


h = H()
print(call_m(h), call_m(H), H.c(), h.c())
h.m = lambda: "inst m"
print(call_m(h), call_m(H))
