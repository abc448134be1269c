# Cycle collection: counts of unreachable objects, __del__ once (PEP 442), resurrection.
import gc

gc.disable()
gc.collect()

class A:
    pass

a = A(); a.self = a; del a
print("instance self-cycle", gc.collect())

a = A(); a.self = a; a.__dict__; del a
print("instance with materialized dict", gc.collect())

l = []; l.append(l); del l
print("list self-cycle", gc.collect())

d = {}; d["me"] = d; del d
print("dict self-cycle", gc.collect())

class B:
    __slots__ = ("x",)

b = B(); b.x = b; del b
print("slots cycle", gc.collect())

def f():
    pass

f.x = f; del f
print("function cycle", gc.collect())

x = [1, 2]; y = [x]; x.append(y); del x, y
print("two lists", gc.collect())

print("nothing", gc.collect())

class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

a = D(1); b = D(2); a.o = b; b.o = a
del a, b
print("collected", gc.collect())
print("again", gc.collect())

saved = []
class R:
    def __del__(self):
        print("resurrecting")
        saved.append(self)

r = R(); r.me = r; del r
print("resurrect collect", gc.collect() >= 0)
print("saved", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print("after clear", gc.collect())

# A reachable object keeps its cycle alive.
keep = []
c = [keep]; keep.append(c); del c
print("reachable", gc.collect(), len(keep))

# __del__ at refcount zero runs immediately (before the next statement).
class P:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("P del", self.n)

p = P(1)
del p
print("after del")
p = P(2)
p = P(3)
print("after rebind")
P(4)
print("after temporary")
def g():
    q = P(5)
    print("in g")
g()
print("after g")

# A class holding its own instance (instance <-> class cycle).
class Single:
    pass
Single.inst = Single()
del Single
print("class cycle found", gc.collect() > 0)
