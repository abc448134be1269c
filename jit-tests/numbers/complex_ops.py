# complex arithmetic, repr, parsing and errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for z in [1 + 2j, 1j, -1j, 0j, -0.0 - 1j, complex(-0.0, 0.0), 1.5 - 0.0j, complex(float("inf"), float("nan")), 1e20 + 1e-20j, 2j * 2]:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), abs(z), bool(z))
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, 2 ** a, a + 1, 1 - a, 2.5 * a, a / 2, a == 1 + 2j, a != b, 1j ** 2 == -1)
print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex("1+2j"), complex(" ( -1.5e3J ) "), complex("j"), complex(1j, 1j), complex(True))
for s in ["1+", "(1", "1 + 2j", "x", "1e3", "-j", "inf+nanj"]:
    show(lambda: complex(s))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex([]))
show(lambda: 1j / 0)
show(lambda: 0j ** -1)
show(lambda: 1j < 2j)
show(lambda: 1j // 2)
show(lambda: 1j % 2)
show(lambda: divmod(1j, 1))
show(lambda: pow(1j, 2, 3))
show(lambda: int(1j))
print(hash(1 + 2j), hash(1.5j), hash(complex(3, 0)) == hash(3), 1j == 1j, 1 + 0j == 1, 2.0 + 0j == 2.0)
