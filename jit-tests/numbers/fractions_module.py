# fractions.Fraction: construction, arithmetic with ints/floats/complex, comparisons, hashing, rounding.
from fractions import Fraction
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
a, b = Fraction(3, 4), Fraction(-5, 6)
print(a, b, repr(a), a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, b ** -3, a ** 0.5, 2 ** a, 2 ** Fraction(2))
print(a + 1, 1 + a, a * 2.0, 2.0 * a, a + 1j, a == 0.75, a == Fraction(6, 8), a < b, a > 0.5, a <= 1, -a, +a, abs(b), int(b), float(b), round(b), round(Fraction(5, 2)), round(Fraction(7, 2)), round(a, 1), round(Fraction(12345, 10), -2))
print(Fraction("3/4"), Fraction(" -1.25e2 "), Fraction("1_000.5"), Fraction(".5"), Fraction("7"), Fraction(0.1), Fraction(2.5), Fraction(Fraction(1, 3), Fraction(2, 5)), Fraction(-6, -4), Fraction())
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)), hash(Fraction(-7, 5)))
print(Fraction(0.1).limit_denominator(10), Fraction(3.141592653589793).limit_denominator(1000), Fraction(355, 113).limit_denominator(100))
print(a.numerator, a.denominator, a.as_integer_ratio(), Fraction.from_float(1.75), bool(Fraction(0)), math_floor := __import__("math").floor(b), __import__("math").ceil(b))
print(sum([Fraction(1, n) for n in range(1, 11)]), sorted([Fraction(1, 3), 0.3, Fraction(1, 4), 1]), max(Fraction(2, 3), 0.6), {Fraction(1, 2): "x"}[0.5])
show(lambda: Fraction(1, 0))
show(lambda: Fraction("abc"))
show(lambda: Fraction("1/"))
show(lambda: Fraction([]))
show(lambda: Fraction(1.5, 2))
show(lambda: Fraction(float("inf")))
show(lambda: Fraction(0) ** -1)
show(lambda: a / 0)
show(lambda: a.limit_denominator(0))
print(f"{a}", str(Fraction(4, 2)), format(a, ""), Fraction(10**30, 3), Fraction(1, 3) == 1/3, Fraction(1, 3) < 1/3)
