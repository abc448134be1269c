# __call__, __getattr__, __getattribute__, __setattr__, __delattr__, __dir__
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, **kw):
        return self.n + x + sum(rest) + sum(kw.values())
add5 = Adder(5)
print(add5(1), add5(1, 2, 3, k=10), callable(add5), callable(Adder), list(map(add5, [1, 2])))
class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
    def method(self):
        return self.a
l = Logged()
print(l.a)
l.b = 10
print(l.method())
del l.b
print(hasattr(l, "b"))
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
print(Both().boom, Both().other)
class Frozen:
    def __init__(self):
        object.__setattr__(self, "x", 1)
    def __setattr__(self, n, v):
        raise AttributeError("frozen")
f = Frozen()
try:
    f.x = 2
except AttributeError as e:
    print("AttributeError:", e, f.x)
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(WithDir()))
class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1), p.index(3))
