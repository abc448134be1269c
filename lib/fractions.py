# Why pylift's own: CPython's fractions.py imports `decimal`, which without a native
# `_decimal` is `_pydecimal` (6,400 lines compiled from source on every run, since pylift
# has no bytecode cache yet): `import fractions` would cost ~200 ms instead of ~15 ms.
# Delete this file once `_decimal` is native or compiled modules are cached.
"""Fraction, Rational numbers (CPython 3.11's fractions.py semantics, without decimal)."""

import math

__all__ = ['Fraction']

_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159


def _is_rational(x):
    return isinstance(x, (int, Fraction))


def _parse(s):
    # [ws][sign](num[/denom] | num.frac[e exp] | .frac[e exp])[ws], underscores between digits.
    t = s.strip()
    sign = 1
    if t[:1] in ('+', '-'):
        if t[0] == '-':
            sign = -1
        t = t[1:]

    def digits(x):
        if not x or x[0] == '_' or x[-1] == '_' or '__' in x:
            return None
        for c in x:
            if not (c.isdigit() or c == '_'):
                return None
        return x

    if '/' in t:
        num, den = t.split('/', 1)
        num, den = num.rstrip(), den.lstrip()
        if digits(num) is None or digits(den) is None:
            return None
        return sign * int(num), int(den)
    exp = 0
    low = t.lower()
    if 'e' in low:
        i = low.index('e')
        t, e = t[:i], t[i + 1:]
        es = e[1:] if e[:1] in ('+', '-') else e
        if digits(es) is None:
            return None
        exp = int(e)
    if '.' in t:
        ip, fp = t.split('.', 1)
    else:
        ip, fp = t, ''
    if not ip and not fp:
        return None
    if ip and digits(ip) is None:
        return None
    if fp and digits(fp) is None:
        return None
    if not ip and '.' not in t:
        return None
    fp = fp.replace('_', '')
    num = int(ip or '0')
    den = 1
    if fp:
        scale = 10 ** len(fp)
        num = num * scale + int(fp)
        den *= scale
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    """This class implements rational numbers."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator
            )
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        else:
            return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        else:
            return '%s/%s' % (self._numerator, self._denominator)

    def _add(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _sub(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        na, da = a.numerator, a.denominator
        nb, db = b.numerator, b.denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        n1, d1 = a.numerator, a.denominator
        n2, d2 = b.numerator, b.denominator
        g1 = math.gcd(n1, n2)
        if g1 > 1:
            n1 //= g1
            n2 //= g1
        g2 = math.gcd(d1, d2)
        if g2 > 1:
            d1 //= g2
            d2 //= g2
        n, d = n1 * d2, n2 * d1
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    def _divmod(a, b):
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    def _fwd(a, b, mono, fallback):
        if isinstance(b, Fraction):
            return mono(a, b)
        elif isinstance(b, int):
            return mono(a, Fraction(b))
        elif isinstance(b, float):
            return fallback(float(a), b)
        elif isinstance(b, complex):
            return fallback(complex(a), b)
        else:
            return NotImplemented

    def _rev(b, a, mono, fallback):
        if _is_rational(a):
            return mono(Fraction(a), b)
        elif isinstance(a, float):
            return fallback(float(a), float(b))
        elif isinstance(a, complex):
            return fallback(complex(a), complex(b))
        else:
            return NotImplemented

    def __add__(a, b):
        return a._fwd(b, Fraction._add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._rev(a, Fraction._add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._fwd(b, Fraction._sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._rev(a, Fraction._sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._fwd(b, Fraction._mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._rev(a, Fraction._mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._fwd(b, Fraction._div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._rev(a, Fraction._div, lambda x, y: x / y)

    def __floordiv__(a, b):
        return a._fwd(b, Fraction._floordiv, lambda x, y: x // y)

    def __rfloordiv__(b, a):
        return b._rev(a, Fraction._floordiv, lambda x, y: x // y)

    def __divmod__(a, b):
        return a._fwd(b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        return b._rev(a, Fraction._divmod, divmod)

    def __mod__(a, b):
        return a._fwd(b, Fraction._mod, lambda x, y: x % y)

    def __rmod__(b, a):
        return b._rev(a, Fraction._mod, lambda x, y: x % y)

    def __pow__(a, b):
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
            else:
                return float(a) ** float(b)
        else:
            return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        else:
            return a._numerator // a._denominator

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self.numerator, self.denominator)
            if remainder * 2 < self.denominator:
                return floor
            elif remainder * 2 > self.denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        else:
            return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return (a._numerator == b.numerator and a._denominator == b.denominator)
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            else:
                return a == a.from_float(b)
        else:
            return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            else:
                return op(self, self.from_float(other))
        else:
            return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._richcmp(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._richcmp(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._richcmp(b, lambda x, y: x >= y)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


try:
    import numbers as _numbers
    _numbers.Rational.register(Fraction)
except ImportError:
    pass
