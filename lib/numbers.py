"""Abstract Base Classes for numbers (PEP 3141), with the builtin types registered."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """All numbers inherit from this class."""
    __slots__ = ()
    __hash__ = None


class Complex(Number):
    """Complex defines the operations that work on the builtin complex type."""
    __slots__ = ()

    def __bool__(self):
        return self != 0


Complex.register(complex)


class Real(Complex):
    """To Complex, Real adds the operations that work on real numbers."""
    __slots__ = ()

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


Real.register(float)


class Rational(Real):
    """.numerator and .denominator should be in lowest terms."""
    __slots__ = ()

    def __float__(self):
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integral adds methods that work on integral numbers."""
    __slots__ = ()

    def __int__(self):
        raise NotImplementedError

    def __index__(self):
        return int(self)

    @property
    def numerator(self):
        return +self

    @property
    def denominator(self):
        return 1


Integral.register(int)
