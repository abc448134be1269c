import builtins
def f():
    return len([1, 2])
def g():
    return x
x = 1
print(f(), g())
x = 2
print(g())
def len(a):
    return 99
print(f())
del len
print(f())
builtins.len = lambda a: 42
print(f())
del builtins.len
try:
    f()
except NameError as e:
    print("NameError", e)
import builtins as b2
def len2(a): return 7
b2.len = len2
print(f())
del x
try:
    g()
except NameError as e:
    print("NameError", e)
globals()['x'] = 5
print(g())
ns = {'x': 10}
exec(g.__code__, ns) if False else None
src = "def h():\n    return x\n"
d1 = {'x': 'd1'}; d2 = {'x': 'd2'}
exec(src, d1); exec(src, d2)
print(d1['h'](), d2['h']())
c = compile("x", "<s>", "eval")
for d in ({'x': 1}, {'x': 2}, {}, {'x': 3}):
    try:
        print(eval(c, d))
    except NameError as e:
        print(e)
for i in range(3):
    print(g())
    x = i * 10
def k():
    return abs(-3)
print(k())
globals()['abs'] = lambda v: 'shadow'
print(k())
del globals()['abs']
print(k())
