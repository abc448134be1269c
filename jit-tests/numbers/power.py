# ** with int/float/negative exponents, pow with 3 args
print(2 ** 0, 2 ** 1, 2 ** 64, 2 ** 100, (-2) ** 63, (-3) ** 5)
print(2 ** -1, 2 ** -3, 10 ** -2, (-2) ** -2, (-2) ** -3)
print(4 ** 0.5, 2 ** 0.5, 8 ** (1 / 3), 2.0 ** 10, 0.5 ** 2)
print(0 ** 0, 0.0 ** 0, 1 ** 1000, (-1) ** 1001, 0 ** 5)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5), pow(2, -1, 7))
print(pow(7, -2, 11), pow(5, 0, 1), pow(123456789, 987654321, 10 ** 9 + 7))
print(pow(2.0, 3), pow(2, 3.0), pow(-8, 1 / 3) == (-8) ** (1 / 3))
r = (-8) ** 0.5
print(type(r).__name__, round(r.real, 6), round(r.imag, 6))
print(10 ** 30, 10.0 ** 30, 7 ** 77)
print(2 ** 1023 * 1.0 > 1e307, int(2.0 ** 70))
print(3 ** 3 ** 2, (3 ** 3) ** 2, -3 ** 2, (-3) ** 2)
x = 3
x **= 4
print(x)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
