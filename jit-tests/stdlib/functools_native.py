# The native _functools: reduce, partial (flattening, repr, read-only fields, __dict__,
# __reduce__/__setstate__), cmp_to_key's KeyWrapper and _lru_cache_wrapper (bounded,
# unbounded, uncached, typed keys, cache_info/cache_clear, binding as a method, copying).
import copy
import functools
print(functools.reduce, functools.partial, functools.cmp_to_key, functools._lru_cache_wrapper)
def f(a, b=1, *c, **k): return (a, b, c, k)
p = functools.partial(f, 1, x=2)
print(repr(p).split(' at ')[0], p.func is f, p.args, p.keywords, type(p), type(p).__module__, type(p).__qualname__)
print(p(), p(5, 6, x=3, y=4))
print(p.__reduce__()[0], p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
class P(functools.partial): pass
print(repr(P(f, 3)).split(' at ')[0], P(f, 3)(4))
try: p.func = 3
except AttributeError as e: print(e)
p.attr = 5; print(p.__dict__, p.__reduce__()[2][3])
try: functools.partial()
except TypeError as e: print(e)
try: functools.partial(3)
except TypeError as e: print(e)
q = functools.partial(p, 7, y=3); print(q.func is p, q.args)
q2 = functools.partial(functools.partial(f, 1), 2, z=1); print(q2.func is f, q2.args, q2.keywords)
try: p.__setstate__((1,2))
except TypeError as e: print(e)
def neg(x): return -x
cls_, a_, st_ = functools.partial(f, 1, key=neg).__reduce__()
r = cls_(*a_); r.__setstate__(st_)
print(r(-5)[:2], r.args, list(r.keywords), repr(r).split(" at ")[0])
r2 = copy.deepcopy(q2); print(r2.args, r2(3))
try: p.__setstate__((min, [1, 2], None, None))
except TypeError as e: print(e)
class T(tuple): pass
p.__setstate__((min, T([1, 2]), None, None)); print(p.args, type(p.args), p.keywords, p(0), p.__dict__)
p.__setstate__((min, (1,), {"key": abs}, {"q": 1})); print(p.args, p.keywords, p(-5), p.__dict__, p.q)
print(functools.partial[int])
pr = functools.partial(print); pr2 = functools.partial(pr, pr)
print(repr(functools.partial(len, [1, 2], k="v")))
K = functools.cmp_to_key(lambda a, b: a - b)
print(type(K), type(K(1)), K(1) < K(2), K(1) >= K(2), K(1) == K(1), K(obj=3).obj, sorted([3,1,2], key=K))
try: K(1) < 2
except TypeError as e: print(e)
try: hash(K(1))
except TypeError as e: print(e)
try: print(K.obj)
except AttributeError as e: print('AttributeError', e)
for args in [(lambda a, b: a + b, []), (lambda a, b: a + b, 3), (lambda a, b: a + b,), (), (f, [], 1, 2)]:
    try: print(functools.reduce(*args))
    except TypeError as e: print(e)
print(functools.reduce(lambda a, b: a + b, [1, 2, 3], 10), functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [], 7))
@functools.lru_cache(maxsize=2)
def g(x): return x * 2
print(type(g), g(1), g(1), g(2), g(3), g.cache_info(), g.__wrapped__.__name__, g.cache_parameters(), repr(g).split(' at ')[0])
print(g(1), g.cache_info(), g(3), g.cache_info())
g.cache_clear(); print(g.cache_info())
print(g.__reduce__(), copy.copy(g) is g, copy.deepcopy(g) is g, g.__name__, g.__qualname__, g.__doc__)
class C:
    @functools.lru_cache
    def m(self, x): return x
    @functools.cached_property
    def cp(self): return 5
print(C().m(3), type(C.m).__name__, type(C().m).__name__, C().cp)
try: functools._lru_cache_wrapper(3, 1, False, None)
except TypeError as e: print(e)
try: functools.lru_cache(maxsize="x")
except TypeError as e: print(e)
@functools.lru_cache(maxsize=None, typed=True)
def h(*a, **k): return (a, k)
print(h(1), h(1.0), h(1), h(1, z=2), h(1, z=2), h.cache_info())
@functools.lru_cache(maxsize=0)
def z(x): return x
print(z(1), z(1), z.cache_info())
@functools.lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.lru_cache(maxsize=3)
def sq(n): return n * n
for i in [1, 2, 3, 1, 4, 2, 5, 1]: sq(i)
print(sq.cache_info())
@functools.cache
def u(x): return [x]
print(u(1) is u(1), u.cache_info())
try: u([1])
except TypeError as e: print(e)
print(functools.total_ordering.__name__, functools.singledispatch(lambda x: 1)(2))
@functools.wraps(f)
def w(*a): return f(*a)
print(w.__name__, w.__wrapped__ is f)
pm = functools.partialmethod(f, 9)
class D:
    m = functools.partialmethod(f, 9)
print(D().m()[0] is not None)

# Weak references, signatures, instance dicts, subclasses.
import inspect
import weakref
def f(a, b, c=3): return a + b + c
p = functools.partial(f, 1)
r = weakref.ref(p); print(r() is p)
print(inspect.signature(p), inspect.signature(functools.lru_cache(f)))
p.__dict__ = {"x": 1}; print(p.x, vars(p))
class A:
    h = functools.partial(f, 10)
print(A().h(1), A.h(2))
g = functools.lru_cache(f)
print(g.__module__, g.__name__, g.__doc__, g.__wrapped__ is f, vars(g).keys())
try: functools.partial(f, 1)(1, 2, 3)
except TypeError as e: print(e)
print(isinstance(p, functools.partial), functools.partial.__name__, functools.partial.__module__)
class P(functools.partial):
    def __call__(self, *a): return ("P", super().__call__(*a))
print(P(f, 1)(2), P(f, 1).args, repr(P(f, 1, c=4)).split(" at")[0])
print(hash(p) == hash(p), p == p, p != functools.partial(f, 1))
