# str/repr of numbers, hex/oct/bin, float formatting edge cases
for v in [0, -1, 10, 255, -256, 2 ** 40, -(2 ** 70)]:
    print(v, hex(v), oct(v), bin(v), str(v), repr(v))
for v in [0.5, 1.0, 1e16, 1e-5, 123.456, -0.0, 1 / 7, 2 ** 0.5, 1e23, 5e-324, 100.0 / 3, 9.999999999999999e22]:
    print(repr(v), str(v), "%s" % v, "%r" % v, f"{v}", format(v, ".17g"))
print(str(10 ** 15 * 1.0), str(10 ** 16 * 1.0), str(0.1 + 0.7), str(1.1 * 3), 3.0 * 1.1 == 3.3)
print(int("0"), int("-0"), float("-0"), str(float("1e-320")))
print((0.1).__repr__(), (255).__format__("x"), float.__repr__(2.0), int.__repr__(7))
