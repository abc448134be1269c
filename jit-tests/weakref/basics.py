# weakref.ref, callbacks, proxies, counts, and the weak containers.
import gc
import weakref

class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
    def meth(self):
        return "meth of " + self.name

a = A("x")
r = weakref.ref(a)
print(r() is a, r() is r(), weakref.getweakrefcount(a))
print(weakref.ref(a) is r)
print(type(r).__name__, type(r) is weakref.ReferenceType)
del a
print(r())

def cb(ref):
    print("callback got the ref:", ref is r2, ref())
b = A("y")
r2 = weakref.ref(b, cb)
print(r2.__callback__ is cb)
del b
print("after del b")

for obj in [1, "s", (1,), [1], {1: 2}, None]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)

class S:
    __slots__ = ("x",)
try:
    weakref.ref(S())
except TypeError as e:
    print(e)

class SW:
    __slots__ = ("x", "__weakref__")
sw = SW()
print(weakref.ref(sw)() is sw)

c = A("c")
r3 = weakref.ref(c)
r4 = weakref.ref(c, lambda r: None)
print(r3 == r4, hash(r3) == hash(c), weakref.getweakrefcount(c), len(weakref.getweakrefs(c)))
print(c.__weakref__ is r3)
del c
print(r3 == r4, r3 is not r4)
try:
    hash(weakref.ref(A("tmp")))
except TypeError as e:
    print(e)

p_obj = A("p")
p = weakref.proxy(p_obj)
print(p.name, p.meth(), type(p).__name__)
p.extra = 5
print(p_obj.extra)
del p_obj
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

def fn():
    return "called"
cp = weakref.proxy(fn)
print(type(cp).__name__, cp())

# Weak references into a collected cycle are cleared before the collection ends.
gc.disable()
class N:
    pass
n1 = N(); n2 = N(); n1.o = n2; n2.o = n1
wr = weakref.ref(n1, lambda r: print("cycle member died"))
del n1, n2
print("collect", gc.collect())
print(wr())

# WeakMethod
m_obj = A("m")
wm = weakref.WeakMethod(m_obj.meth)
print(wm()())
del m_obj
print(wm())
