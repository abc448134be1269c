# Method loads on instances inline (the class's version, the instance `__dict__` probed
# for the name, the function at its place along the MRO): every way the shortcut could
# give the wrong attribute.


class Base:
    def area(self):
        return 1

    def name(self):
        return "base"


class Square(Base):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Tagged(Square):
    pass


class Slotted(Base):
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def area(self):
        return self.v


def total_area(shapes):
    t = 0
    for sh in shapes:
        t += sh.area()
    return t


shapes = [Square(i % 7) for i in range(50)] + [Tagged(3) for _ in range(10)] + [Slotted(2) for _ in range(5)]
for _ in range(20):
    r = total_area(shapes)
print("plain", r)

# An instance attribute shadows the method mid-run, then goes away.
odd = shapes[3]
odd.area = lambda: 1000
print("shadowed", total_area(shapes))
del odd.area
print("unshadowed", total_area(shapes))

# The class's method replaced, then a base's.
Square.area = lambda self: -1
print("class patched", total_area(shapes))
del Square.area
print("base method", total_area(shapes))
Base.area = lambda self: 7
print("base patched", total_area(shapes))


# Many attributes (the dict grows), deleted ones (dummy slots), a replaced `__dict__`,
# and names whose str object is not the method name's.
class Many:
    def __init__(self, k):
        for j in range(k):
            setattr(self, "a%d" % j, j)

    def get(self):
        return len(self.__dict__)


def total_get(objs):
    t = 0
    for o in objs:
        t += o.get()
    return t


objs = [Many(k) for k in range(30)]
for _ in range(10):
    r = total_get(objs)
print("many", r)
for o in objs[::2]:
    for j in range(0, 30, 3):
        o.__dict__.pop("a%d" % j, None)
print("deleted", total_get(objs))


special = Many(3)
special.__dict__ = dict(special.__dict__)
objs.append(special)
print("dict replaced", total_get(objs))
special.__dict__["get"] = lambda: 99
print("dict replaced shadow", total_get(objs))
plain = objs[5]
setattr(plain, "".join(["g", "e", "t"]), lambda: 500)
print("equal name", total_get(objs))
del plain.get
print("equal name gone", total_get(objs))


# Colliding hashes in the instance dict: the probe walks past them.
class Collide:
    def __init__(self):
        h = hash("m")
        for k in range(40):
            self.__dict__[k * 8 + (h & 7)] = k
        self.x = 1

    def m(self):
        return self.x


cs = [Collide() for _ in range(20)]


def total_m(cs):
    t = 0
    for c in cs:
        t += c.m()
    return t


for _ in range(10):
    r = total_m(cs)
print("collide", r)
cs[4].__dict__["m"] = lambda: 100
print("collide shadow", total_m(cs))
