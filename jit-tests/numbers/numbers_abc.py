# numbers: the numeric ABCs and the builtin/fractions registrations.
import numbers
from fractions import Fraction
for v in [1, True, 2.5, 1j, Fraction(1, 2), "x", None]:
    print(repr(v), [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(Fraction, numbers.Real), issubclass(bool, numbers.Number))
class MyNum(numbers.Real):
    pass
print(issubclass(MyNum, numbers.Complex), numbers.Integral.__mro__[1].__name__)
