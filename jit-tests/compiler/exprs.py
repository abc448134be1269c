# Expressions: unpacking, calls, displays, comparisons, boolean values, f-strings
def show(*args, **kwargs):
    return "%r %r" % (args, sorted(kwargs.items()))
a = [1, 2]
d = {"x": 1}
print(show(*a, 3, *a, k=1, **d, z=0))
print(show(0, *a))
print(show(**d, **{"y": 2}))
print(show())
try:
    show(**d, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)

first, *mid, last = range(6)
print(first, mid, last)
*init, tail = "abc"
print(init, tail)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, u]] = ["s", ["t", "u"]]
print(s, t, u)
x = y = z = []
x.append(1)
print(y, z, x is z)

print([*a, *a], (*a,), {*a, 3}, {**d, "w": 2, **{"x": 9}})
print([1, 2, 3], (1, 2, 3), {1: "a", 2: "b"}, {"k": [1, {2: (3,)}]})

v = 5
print(1 < v < 10, 1 < v > 10, v == 5 == 5.0, 0 < v < 3 < 10)
print(v is not None, v in [5], v not in (1, 2))
print(0 or "", 0 or "x", 1 and 2, None and 1, [] or {} or "last")
print(not v, not not v, -v, +v, ~v)
print(v if v > 3 else -v, "yes" if not v else "no")

name = "world"
width = 10
print(f"hello {name}!", f"{name!r:>{width}}|", f"{v=}", f"{v = }", f"{3.14159:.2f}", f"{v:#x}")
print(f"{'nested'}", f"{{literal}}", f"{name.upper()}", f"{ {'a': 1}['a'] }")
print("implicit " "concatenation", f"mixed {v}" " plain" f" {v + 1}")

n = 10
print(n // 3, n % 3, n ** 2, n / 4, n << 2, n >> 1, n & 3, n | 5, n ^ 6)
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 50; n <<= 1; n |= 1
print(n)
lst = [0, 1, 2, 3, 4, 5]
print(lst[1:4], lst[::-1], lst[::2], lst[-2:], lst[:-4])
lst[1:3] = ["a"]
del lst[0]
print(lst)
obj = type("O", (), {})()
obj.attr = 1
obj.attr += 5
print(obj.attr)
del obj.attr
print(hasattr(obj, "attr"))
m = [[0] * 2 for _ in range(2)]
m[0][1] += 7
print(m)
print((lambda *args, k=1, **kw: (args, k, kw))(1, 2, k=3, z=4))
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])
print({i: i * i for i in range(4)}, {c for c in "hello"} == set("helo"))
print(sum(x * x for x in range(5)), list(x for x in "ab"))
print(__debug__, 2 ** 10, -2 ** 2, (-2) ** 2, 10 - 2 - 3, 2 ** 3 ** 2)
