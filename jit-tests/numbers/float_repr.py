# float repr: shortest round trip, inf/nan, -0.0
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e16, 1e15, 123456789012345678.0,
        1e-5, 0.0001, 1e-4, 12345.678, 1.5e300, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 0.1 * 3, 9007199254740993.0, 1e22, 1e21, 1e-7,
        -0.0, 0.0, float("inf"), float("-inf"), float("nan"), 3.141592653589793, 2.5, 1e100]
for v in vals:
    print(repr(v), str(v))
print(float("1e5"), float("-1.5E-3"), float("  3.25 "), float("inf"), float("-Infinity"), float("nan"))
print(float("1_000.5"), float(".5"), float("5."), float(10 ** 20), float(True))
print(-0.0 == 0.0, str(-0.0), repr(-0.0 * 1), 0.0 * -1, -0.0 + 0.0)
import math
print(math.copysign(1, -0.0), math.inf, -math.inf, math.isnan(math.nan))
print(math.isinf(1e308 * 10), math.isfinite(1.0), 1e308 * 10 - 1e308 * 10)
print(float("inf") * 0, float("inf") - float("inf"), float("inf") > 1e308)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (-0.1).hex(), (0.0).hex())
print(1.0.conjugate(), (3.5).real, (3.5).imag)
print([x / 10 for x in range(11)])
print(sum([0.1] * 10), math.fsum([0.1] * 10))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
