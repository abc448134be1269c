# One attribute site seeing instances of several classes (the cache holds one type, the
# others go through each type's list of names that are not plain class attributes): a
# property in one subclass, a property added to a base class later, a __slots__ class,
# __getattr__, and a data descriptor defined on the class after instances exist.

class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

class Plain(Base):
    pass

class WithProp(Base):
    @property
    def w(self):
        return "prop-w"
    @w.setter
    def w(self, value):
        self.__dict__["w_set"] = value

class Slotted:
    __slots__ = ("v", "w")
    def __init__(self, v):
        self.v = v
        self.w = -v

class Fallback(Base):
    def __getattr__(self, name):
        return "missing-" + name

def read_w(objs):
    return [o.w for o in objs]

def write_w(objs, x):
    for o in objs:
        o.w = x

objs = [Base(1), Plain(2), WithProp(3), Slotted(4), Fallback(5)]
for _ in range(30):
    out = read_w(objs)
print(out)
write_w(objs, 9)
print(read_w(objs), objs[2].__dict__)

class Desc:
    def __get__(self, obj, tp=None):
        return "descriptor"
    def __set__(self, obj, value):
        raise AttributeError("read-only")

for _ in range(30):
    read_w(objs[:2])
Plain.w = Desc()
print(read_w(objs[:2]))
del Plain.w
print(read_w(objs[:2]))
Base.w = property(lambda self: "base-prop")
print(read_w(objs))
del Base.w
print(read_w(objs))
objs[1].__dict__["w"] = "via-dict"
print(read_w(objs[:2]))
