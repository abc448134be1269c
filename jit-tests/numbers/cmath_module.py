# cmath: CPython's complex algorithms for finite arguments, errors, constants.
import cmath
def show(name, *args):
    try:
        print(name, args, repr(getattr(cmath, name)(*args)))
    except Exception as e:
        print(name, args, type(e).__name__ + ":", e)
for z in [0j, 1, -1, -4, 1 + 2j, -3 - 4j, 0.5j, 1e-320 + 1e-320j, 1e300 + 1e300j, -0.0 + 0j, 1 + 0j, 0.9 + 0.3j, 100 + 100j, -2j]:
    for f in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "phase", "polar", "isnan", "isinf", "isfinite"]:
        show(f, z)
show("log", 8, 2)
show("log", 1j, 1 + 1j)
show("rect", 2, 0.5)
show("rect", 1, 0)
show("exp", 1000)
show("sqrt", "a")
print(cmath.pi, cmath.e, cmath.inf, cmath.infj, cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 2))
