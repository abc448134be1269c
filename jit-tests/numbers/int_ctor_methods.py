# int constructors, parsing, methods and the int/str digit limit.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ["12", "  -12_3  ", "+7", "0x1f", "1__0", "_1", "1_", "010", "00", "", "12a", "99999999999999999999999"]:
    show(lambda: int(s))
for s, b in [("0x1f", 16), ("0x1f", 0), ("1f", 16), ("0b101", 0), ("0o17", 0), ("z", 36), ("Z", 36), ("0x", 16), ("12", 3), ("1", 1), ("1", 37)]:
    show(lambda: int(s, b))
show(lambda: int(b"  42 "))
show(lambda: int(b"4x"))
show(lambda: int(1.5, 10))
show(lambda: int([]))
show(lambda: int(None))
show(lambda: int())
show(lambda: int(3.99))
show(lambda: int(-3.99))
show(lambda: int(1e30))
show(lambda: int(float("inf")))
show(lambda: int(float("nan")))
show(lambda: int(True))
show(lambda: int("1" * 4301))
show(lambda: str(10**4300))
show(lambda: len(str(10**4299)))
show(lambda: len(hex(10**5000)))
show(lambda: 10**100000 > 5)
for v in [0, 1, -1, 255, -256, 2**64, -(2**64) + 1]:
    print(v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator)
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (5).to_bytes())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
show(lambda: (300).to_bytes(1, "big"))
show(lambda: (-1).to_bytes(1, "big"))
show(lambda: (1).to_bytes(1, "middle"))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 0), round(7), round(15, -1), round(25, -1))
print((7).__round__(), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__index__(), (7).__float__())
print(int.__add__(2, 3), (2).__radd__(3), (2).__add__(1.0), int.__sub__(10, 4), (5).__rtruediv__(1))
print(hash(0), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**64)), hash(10**30), hash(True), hash(1) == hash(1.0))
print(bool(0), bool(5), bool(-(2**70)), True, False, repr(True), str(False))
print(bool(), bool([]), bool("x"), bool.__name__, int.__name__, isinstance(True, int), issubclass(bool, int))
