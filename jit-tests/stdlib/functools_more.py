# functools: cached_property, lru_cache, partial, reduce, singledispatch, total_ordering, wraps
import functools
from functools import cached_property, partial, lru_cache, reduce, wraps, total_ordering, singledispatch
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
@lru_cache(maxsize=2)
def sq(x):
    print("miss", x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@lru_cache
def g(x): return x
print(g(4), g.__name__, g.cache_info().misses)
p = partial(print, "a", sep="-")
p("b")
print(repr(partial(max, 1))[:28])
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
@singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register
def _(x: str): return "str"
print(show(1), show("s"), show(1.5), show(True))
@total_ordering
class Ver:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(Ver(1) < Ver(2), Ver(2) <= Ver(2), Ver(3) >= Ver(4))
def deco(f):
    @wraps(f)
    def inner(*a): return f(*a)
    return inner
@deco
def named(a):
    "docstr"
    return a
print(named.__name__, named.__doc__, named.__qualname__, named(3))
