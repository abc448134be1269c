# The math module: values, special cases and error messages.
import math

def show(name, *args):
    try:
        print(name, args, repr(getattr(math, name)(*args)))
    except Exception as e:
        print(name, args, type(e).__name__ + ":", e)

print(math.pi, math.e, math.tau, math.inf, math.nan)
inf, nan = float("inf"), float("nan")
for x in [0.0, -0.0, 0.5, 1.0, 2.0, -1.0, -2.5, 10.0, 1e-300, 1e300, inf, -inf, 3, 10**400]:
    for f in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
              "sinh", "cosh", "tanh", "asinh", "atanh", "fabs", "erf", "gamma", "lgamma",
              "degrees", "radians", "floor", "ceil", "trunc", "frexp", "modf", "isnan", "isinf", "isfinite", "ulp"]:
        show(f, x)
for x, y in [(2, 10), (2.0, 0.5), (-8, 1 / 3), (0, -1), (10, 400), (nan, 0), (1, nan), (inf, -3), (-inf, 3), (0.5, inf), (5, 3), (-5, 3), (5, -3), (1, 0), (inf, 1), (1e308, 10)]:
    for f in ["pow", "atan2", "copysign", "fmod", "remainder", "hypot", "log", "nextafter", "ldexp"]:
        show(f, x, y)
show("sqrt", "a")
show("sqrt", None)
show("floor", "a")
show("trunc", "x")
show("log", 8, 1)
show("log", 10**400, 10)
show("log", 2**1000, 2)
for n in [0, 1, 5, 20, 30, -1, 5.0]:
    show("factorial", n)
for a in [(12, 18), (0, 0), (-4, 6), (), (7,), (2**100, 6**50), (1.5, 2)]:
    show("gcd", *a)
    show("lcm", *a)
for a in [(5, 2), (50, 25), (5, 7), (5, -1), (-5, 2), (10, 0)]:
    show("comb", *a)
    show("perm", *a)
show("perm", 6)
for n in [0, 1, 15, 16, 10**40 + 5, -1]:
    show("isqrt", n)
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([1e-16, 1, 1e16]), math.fsum(range(10)), math.fsum([]))
show("fsum", [inf, -inf])
show("fsum", [inf, 1.0])
show("fsum", [1e308, 1e308])
print(math.hypot(), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308), math.hypot(nan, inf))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.prod([1, 2, 3, 4]), math.prod([1.5, 2], start=2), math.prod([]))
show("dist", (1, 2), (1,))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print(e)
print(math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), type(math.floor(2.0)).__name__)
print(math.floor(1e300) == int(1e300), math.ceil(2**70 + 0.0))
