# float repr, arithmetic rules and errors, parsing, rounding, hex, hashing.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for v in [0.0, -0.0, 1.0, 1.5, 0.1, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1e22, 1e100,
          5e-324, 1.7976931348623157e308, float("inf"), -float("inf"), float("nan"), 2.5e-7, 100.0, 1234.5]:
    print(repr(v), str(v), v.is_integer(), v == v)
print(0.1 + 0.2, 0.1 * 3, 1.1 - 1.0, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2.0**0.5, 2**0.5, (-8.0)**2, (-8.0)**3, 8**(1 / 3), 0.0**0, float("inf")**0, 1.0**float("nan"), (-1.0)**float("inf"))
print(-0.0 // 1, 0.0 % -1, -1e-300 % 1, 1e300 * 1e10, -1e308 * 10, float("inf") - float("inf"))
print((-8)**(1 / 3))
print((-2)**0.5)
show(lambda: 1.0 / 0)
show(lambda: 1.0 // 0.0)
show(lambda: 1.0 % 0)
show(lambda: divmod(1.0, 0))
show(lambda: 0.0**-1)
show(lambda: 10.0**400)
show(lambda: 1.0 & 1)
for s in ["1.5", " 1.5 ", "1e5", "-1E5", "inf", "-Infinity", "nan", "1_000.5", "1__0", ".5", "5.", ".", "e5", "0x10", "1e400", "", "abc"]:
    show(lambda: float(s))
show(lambda: float([]))
show(lambda: float(10**400))
print(float(), float(7), float(True), float(2**80), float(-(2**63)))
for x in [2.675, 2.5, 0.125, -0.5, 1234.5678, 1.5e300, 0.1, -2.5, 1e16, 0.0, -0.0, 1.5, 0.5, 3.5]:
    print(round(x), round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, -2), round(x, 5))
show(lambda: round(float("inf")))
show(lambda: round(float("nan")))
show(lambda: round(1.7976931348623157e308, -308))
show(lambda: round(1.5, 1.5))
print(round(1.5, None), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
for x in [0.0, -0.0, 1.5, -0.1, 5e-324, 1.7976931348623157e308, 3.141592653589793, float("inf")]:
    print(x.hex(), float.fromhex(x.hex()) == x or x != x)
for s in ["0x1.8p1", "  -0X1P-1074 ", "inf", "0x1p-1075", "0x3p-1076", "0x.8", "1", "0x1.fffffffffffff8p1023", "x", "0x1p1024"]:
    show(lambda: float.fromhex(s))
for x in [0.5, 1.5, -0.25, 1e300, 5e-324, 3.0]:
    print(x.as_integer_ratio())
show(lambda: float("inf").as_integer_ratio())
show(lambda: float("nan").as_integer_ratio())
print(hash(0.5), hash(-0.5), hash(1.5), hash(1e300), hash(float("inf")), hash(-float("inf")), hash(2.0), hash(-1.0), hash(1e-300))
print(int(2.9), int(-2.9), (2.5).__trunc__(), (2.5).__floor__(), (-2.5).__ceil__(), (2.5).__round__(), (3.5).__round__())
print((1.5).real, (1.5).imag, (1.5).conjugate(), float.__add__(1.0, 2), (2.0).__rsub__(5), (1.0).__add__("x"))
print(1.0 < 2, 2 < 1.0, float("nan") < 1, float("nan") == float("nan"), float("nan") != 1, 1e308 < 10**400, -1e308 > -(10**400))
x = 1.5
x += 1
x *= 3
x /= 2
x //= 1
x **= 2
print(x)
