# divmod, pow, round, int, float, complex, chr, ord, hex, oct, bin, bool
print(divmod(20, 6), divmod(-20, 6), divmod(20.5, 6), pow(3, 4), pow(3, 4, 5), pow(2.0, -1), pow(-1, 0.5) == 1j if False else "skip")
print(round(3.567, 1), round(-3.5), round(4.5), round(7), round(123.456, -1), round(0.1 + 0.2, 10))
print(int("12"), int("0b11", 0), int("z", 36), int("-0x1F", 16), int(" 42 "), int(7.9), int(-7.9), int("1_2"))
print(float("3.5"), float(" -inf "), float("1e-3"), float(2), float("NaN") != float("NaN"), float("+1.5"))
print(complex(1, 2), complex("3-4j"), complex(2.5), complex(), complex(1j, 1j))
print(chr(97), chr(8364), chr(0x1F600), ord("a"), ord("€"), ord("\n"), ord(b"A"), ord(bytearray(b"z")))
print(hex(0), hex(255), hex(-16), oct(64), oct(-9), bin(10), bin(-3), bin(0))
print(bool(0), bool(0.1), bool(""), bool("False"), bool([]), bool(None), bool(()), bool(range(1)))
for bad in [lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: hex(1.5), lambda: int("10", 37), lambda: float("1,5")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), float.fromhex("0x10"), (16.0).hex())
