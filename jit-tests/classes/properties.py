# property, staticmethod, classmethod
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(100)
print(t.celsius, t.fahrenheit, Temp.convert(10), t.convert(20), Temp.freezing().celsius)
t.celsius = 37
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temp.__dict__["celsius"]).__name__, type(Temp.__dict__["convert"]).__name__, type(Temp.__dict__["freezing"]).__name__)
class Sub(Temp):
    pass
print(type(Sub.freezing()).__name__)
class Lazy:
    calls = 0
    def _get(self):
        Lazy.calls += 1
        return 42
    value = property(_get, doc="the value")
l = Lazy()
print(l.value, l.value, Lazy.calls, Lazy.value.__doc__)
class Counter:
    n = 0
    @classmethod
    def inc(cls):
        cls.n += 1
        return cls.n
class Sub2(Counter):
    pass
print(Counter.inc(), Counter.inc(), Sub2.inc(), Counter.n, Sub2.n)
sm = staticmethod(lambda: "static")
class Holder:
    f = sm
print(Holder.f(), Holder().f())
print(isinstance(Temp.celsius, property), Temp.celsius.fget.__name__)
