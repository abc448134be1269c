# complex numbers
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(z + 1, z - 1j, z * 2, z * z, z / 2, z / (1 + 1j), z ** 2)
print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex("-3.5j"), complex(" 2 "))
print(1j ** 2, (1 + 1j) ** 0, 2 ** (1j * 0))
print(repr(1j), repr(-1j), repr(0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)))
print(repr(complex(1.5, float("inf"))), repr(complex(float("nan"), 1)))
print(z == 3 + 4j, z != z.conjugate(), (1 + 0j) == 1, hash(1 + 0j) == hash(1))
print(complex(2, 3) * complex(4, 5), (1 + 2j) / (3 - 4j))
try:
    z < z
except TypeError as e:
    print("TypeError:", e)
try:
    (1 + 1j) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(format(z, ""), format(1.5 + 2.25j, ".1f"), f"{z!r}")
