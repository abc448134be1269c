# int/float/complex/bool equality and hashing consistency
pairs = [(1, 1.0), (0, 0.0), (0, -0.0), (True, 1), (False, 0), (2 ** 53, float(2 ** 53)),
         (10 ** 20, 1e20), (1, 1 + 0j), (-1, -1.0), (0.5, 0.5 + 0j)]
for a, b in pairs:
    print(repr(a), repr(b), a == b, hash(a) == hash(b))
print(hash(1), hash(0), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(1.5), hash(0.5), hash(-0.5), hash(True), hash(None) == hash(None))
print(hash(float("inf")), hash(float("-inf")), hash((1, 2)) == hash((1.0, 2.0)))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(1 < 1.5 < 2, 3 == 3.0000000000000001, 3 == 3.000001)
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {0, 0.0, False, -0.0}
print(len(s))
print({1.0: "a"}[1], {2: "b"}.get(2.0), 1.0 in {1}, True in {1: 2})
print(float("nan") in [float("nan")], float("inf") == float("inf"))
n = float("nan")
print(n in [n], [n] == [n], (n,) == (n,))
print(1 == 1.0000000000000002, 9007199254740993 == 9007199254740992.0)
print(complex(1, 0) == 1, complex(1, 1) == 1, 1j * 1j == -1)
print(hash(-1) == hash(-2))
