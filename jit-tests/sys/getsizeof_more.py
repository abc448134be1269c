# sys.getsizeof of dicts as they grow, shrink and clear, code objects, functions and generators.
import sys
def g():
    yield 1
def f(a, b=2, *c, **d):
    x = 1
    return x
gen = g()
print(sys.getsizeof(gen), sys.getsizeof(f), sys.getsizeof(f.__code__), sys.getsizeof(g.__code__), sys.getsizeof(lambda: 0))
print(sys.getsizeof({}), sys.getsizeof({1: 2}), sys.getsizeof({i: i for i in range(5)}), sys.getsizeof({i: i for i in range(6)}), sys.getsizeof({i: i for i in range(100)}))
print(sys.getsizeof({"a": 1}), sys.getsizeof({str(i): i for i in range(10)}), sys.getsizeof(dict.fromkeys(range(20))))
d = {i: i for i in range(100)}
for i in range(90): del d[i]
print(sys.getsizeof(d))
d.clear(); print(sys.getsizeof(d))
d = {}
d[1] = 1; print(sys.getsizeof(d))
class C: pass
c = C(); c.a = 1
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2)])), sys.getsizeof({}.copy()), sys.getsizeof({1: 2, 3: 4}.copy()))
print(sys.getsizeof((x for x in range(3))), sys.getsizeof(iter([])), sys.getsizeof(sys.getsizeof))
d = {}
out = []
for i in range(60):
    d[i] = i
    out.append(sys.getsizeof(d))
print(out)
s = {}
out = []
for i in range(30):
    s[str(i)] = i
    out.append(sys.getsizeof(s))
print(out)
for i in range(25):
    del s[str(i)]
print(sys.getsizeof(s), sys.getsizeof(dict(s)))
s.clear(); print(sys.getsizeof(s))
print(sys.getsizeof(dict.fromkeys("abcdefghijk")), sys.getsizeof({**d}), sys.getsizeof(dict(zip(range(9), range(9)))))
def a(x):
    for i in range(x):
        print(i, x.y, x[i])
    return [j * 2 for j in x if j]
def b():
    def c():
        return b
    return c
def gen(n):
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
for f in (a, b, b()):
    if hasattr(f, "__code__"):
        print(f.__name__, sys.getsizeof(f.__code__))
print(sys.getsizeof(gen(1)), sys.getsizeof(x for x in "ab" if x), sys.getsizeof(a(range(0)) if False else 0))
