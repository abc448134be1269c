# bool is a subclass of int
print(True + True, True - False, True * 3, True / 2, True // 2, True % 2, True ** 10)
print(-True, +True, ~True, ~False, abs(True), True << 3, True >> 1)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 1).__name__)
print(sum([True, True, False, True]), max(True, False), min(False, 0))
print(isinstance(True, int), issubclass(bool, int), bool.__mro__)
print(bool(), bool(0), bool(1), bool("0"), bool([0]), bool(0.0), bool(-1))
print(str(True), repr(False), f"{True}", "%d" % True, "%s" % False, format(True, "d"))
print(True == 1, True in [1], 1 in [True])
print(int(True), float(False), complex(True))
print(["a", "b"][True], (10, 20)[False])
print(True.real, True.numerator, True.bit_length())
print(divmod(True, True), pow(True, 10))
x = 0
x += True
print(x, type(x).__name__)
print(True and 5, False or 0.0, not 5 == 5)
try:
    bool.__new__(bool, 1)
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
