# walrus, del, assert, pass, ellipsis
data = [1, 5, 8, 2, 9, 3]
if (n := len(data)) > 4:
    print("long", n)
vals = [y for x in data if (y := x * 2) > 6]
print(vals, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((z := 10) + z)
def f():
    if any((hit := v) > 7 for v in data):
        return hit
print(f())
a = 1
b = [1, 2, 3, 4]
d = {"x": 1, "y": 2}
del a
print("a" in dir())
del b[0]
print(b)
del b[1:]
print(b)
del d["x"]
print(d)
class C: pass
c = C()
c.v = 1
del c.v
print(hasattr(c, "v"))
p, q = 1, 2
del p, q
print("p" in dir(), "q" in dir())
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("caught", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
pass
print(..., Ellipsis is ..., type(...).__name__)
def stub(): ...
print(stub())
