# functools: wraps, lru_cache, partial, reduce, total_ordering, cmp_to_key
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return ("traced", fn(*args, **kwargs))
    return wrapper
@trace
def add(a, b=0):
    """Adds."""
    return a + b
print(add(1, b=2), add.__name__, add.__doc__, add.__wrapped__(5))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
p = functools.partial(pow, 2)
print(p(10), functools.partial(int, base=2)("1011"), p.func is pow, p.args)
print(functools.reduce(lambda x, y: x * y, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 100))
@functools.total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
def cmp(a, b):
    return (a % 10) - (b % 10) or a - b
print(sorted([21, 13, 5, 31, 12], key=functools.cmp_to_key(cmp)))
