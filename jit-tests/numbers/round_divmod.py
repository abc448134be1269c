# round(), divmod() and friends
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-1.5), round(-2.5))
print(round(3.14159, 2), round(3.14159, 0), round(3.14159), round(2.675, 2), round(1.005, 2))
print(round(1234.5678, -2), round(1234.5678, -1), round(-1234.5678, 1), round(0.125, 2), round(0.375, 2))
print(round(5, 2), round(15, -1), round(25, -1), round(-15, -1), type(round(2.5)), type(round(2.5, 0)))
print(round(1e300, 2), round(float("inf")) if False else "skip", round(1.23456789e-5, 8))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(0, 5))
print(divmod(7.0, 2), divmod(-7.0, 2.5), divmod(1e20, 7), divmod(2 ** 70, 3 ** 20))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print(math.floor(7), type(math.floor(2.7)).__name__, math.fabs(-3), math.sqrt(2), math.hypot(3, 4))
print(math.pi, math.e, math.tau, round(math.sin(math.pi / 6), 12), math.cos(0), round(math.log(math.e ** 3), 12))
print(math.log(1024, 2), math.log2(1024), math.log10(0.001), math.exp(0), math.pow(2, 0.5))
print(math.fmod(-7, 3), -7 % 3, math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.radians(180), math.atan2(1, 1))
for bad in [(round, (float("inf"),)), (round, (float("nan"),)), (divmod, (1, 0)), (divmod, (1.0, 0.0))]:
    try:
        bad[0](*bad[1])
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
