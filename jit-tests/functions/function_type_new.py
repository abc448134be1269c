import types
def f(a, b=2): "doc"; return a + b
for args in [(1, {}), (f.__code__, 1), (f.__code__, {}, 5), (f.__code__, {}, None, 5)]:
    try: types.FunctionType(*args)
    except TypeError as e: print(e)
def g():
  x=1
  def h(): return x
  return h
try: types.FunctionType(g().__code__, {})
except TypeError as e: print(e)
try: types.FunctionType(g().__code__, {}, None, None, ())
except ValueError as e: print(e)
h2 = types.FunctionType(g().__code__, {}, None, None, g().__closure__)
print(h2())
k = types.FunctionType(f.__code__, {'__name__':'m'}, 'zz', (5,))
print(k.__name__, k.__module__, k.__qualname__, k.__doc__, k(1), k.__defaults__)
print(types.FunctionType(f.__code__, {}).__module__)
