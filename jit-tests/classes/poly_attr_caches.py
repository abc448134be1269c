# Attribute sites that see instances of several classes (the inline caches keep the first
# class's entry and must apply each other class's own rules), plus float/str/dict paths
# with object reuse.

class Base:
    def __init__(self, x):
        self.x = x
        self.y = 0

    def get(self):
        return self.x

    def bump(self):
        self.y += 1
        return self.y

    def kind(self):
        return "base"


class Plain(Base):
    def kind(self):
        return "plain"


class Prop(Base):
    # A data descriptor for `x`: the instance dict must not win.
    @property
    def x(self):
        return "prop"

    @x.setter
    def x(self, v):
        self.__dict__["x"] = v * 10


class Hooked(Base):
    def __getattribute__(self, name):
        if name == "x":
            return "hooked"
        return object.__getattribute__(self, name)


class SetHook(Base):
    def __setattr__(self, name, v):
        object.__setattr__(self, name, (name, v))


class Shadow(Base):
    pass


objs = [Base(1), Plain(2), Prop(3), Hooked(4), SetHook(5), Shadow(6)]
objs[5].kind = lambda: "instance"  # instance dict shadows the method
for rnd in range(3):
    for o in objs:
        print(type(o).__name__, o.get(), o.kind(), o.bump() if not isinstance(o, SetHook) else "-")

# The same site after a class changes.
Plain.kind = lambda self: "patched"
del objs[5].kind
for o in objs:
    print(type(o).__name__, o.kind())

# Slots and dict-less classes at a shared site.
class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


def getx(o):
    return o.x


for o in [Base(7), S(8), Base(9), S(10), Prop(11)]:
    print(getx(o))

# Floats reused in place and freed; their values must never alias.
a = [0.5 * i for i in range(10)]
b = [x * 2.0 + 1.0 for x in a]
c = a[3]
a[3] = a[3] * 3.0
print(a, b, c, a[3] is c)
t = 0.0
for i in range(1000):
    t = t + i * 0.5 - (i - 1) * 0.25
print(t, -t, (t * 2) ** 0.5, 2.0 ** 10, (-8.0) ** (1 / 3) if False else 0.0)

# Short and long strs as dict keys, growing in place.
d = {}
for i in range(200):
    k = "k" + str(i % 37)
    k += "x" * (i % 30)
    d[k] = d.get(k, 0) + 1
print(len(d), sorted(d.items())[:5], sum(d.values()))
s = "abc"
for i in range(40):
    s += "de"
print(len(s), s[:10], s[-5:], hash(s) == hash("abc" + "de" * 40), "abcde" in s)
print("é" * 13, len("é" * 13), ("é" * 13).encode()[:4], "x" * 24, "y" * 25)
