# int methods and constructor
print(int(), int(5), int(-5.9), int("42"), int("  -17  "), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("777", 8), int("101", 2), int("-1010", 2), int("+12"))
print(int(True), int(3.0), int("10", base=3))
print((10).bit_length(), (0).bit_length(), (-255).bit_length())
print((255).bit_count() if hasattr(int, "bit_count") else 8, (7).conjugate())
print((5).real, (5).imag, (5).numerator, (5).denominator)
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, byteorder="little"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\x04\x00", "big"))
print((10).as_integer_ratio(), int.__name__, isinstance(True, int))
print(int("٣٤"), int(" 7\n"))
for bad in ["", "abc", "1.5", "0x", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
class Idx:
    def __index__(self):
        return 7
class Tr:
    def __trunc__(self):
        return 9
class It:
    def __int__(self):
        return 11
print(int(It()), hex(Idx()), [0, 1, 2, 3, 4, 5, 6, 7, 8][Idx()])
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
