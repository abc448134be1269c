# Extreme operands: huge shifts, powers, roundings and conversions raise CPython's errors.
def show(f):
    try:
        r = f()
        print(repr(r)[:80])
    except Exception as e:
        print(type(e).__name__ + ":", str(e)[:80])
big = 10**30
for f in [lambda: (-1) >> big, lambda: 1 >> big, lambda: 0 << big, lambda: 1 << big, lambda: 1 << 2**64, lambda: 2 ** -big, lambda: pow(2, big, 7), lambda: pow(2, -big, 7),
          lambda: round(1.5, big), lambda: round(1.5, -big), lambda: round(15, big), lambda: (1.5).__round__(2**63), lambda: len(format(1.5, '.300f')),
          lambda: format(1, '99999999999999999999'), lambda: format(1.5, '.99999999999999999999f'), lambda: big.to_bytes(big, 'big'), lambda: (5).to_bytes(-1, 'big'),
          lambda: int.from_bytes(b'', 'big'), lambda: float.fromhex('0x1p99999999999999999999'), lambda: float.fromhex('0x1p-99999999999999999999'), lambda: 1e308 ** 2, lambda: (-1e308) ** 3,
          lambda: 2.0 ** big, lambda: 0.5 ** big, lambda: (-2.0) ** 0.5, lambda: complex(1e308, 1e308) * 10, lambda: abs(complex(1e308, 1e308)), lambda: (1e308+1e308j) ** 2,
          lambda: divmod(1e308, 1e-308), lambda: 1e308 // 1e-308, lambda: int(1e308), lambda: hash(10**100), lambda: -(2**63) // -1, lambda: (-(2**63)) % -1, lambda: (-2**62) * (-2**62),
          lambda: (2**62) - (-2**62), lambda: abs(-(2**62)), lambda: -(-(2**62)), lambda: ~(2**62 - 1), lambda: (2**63).bit_length(), lambda: (-2**63).bit_count(),
          lambda: format(2**64, 'c'), lambda: format(-1, 'c'), lambda: chr(65), lambda: float('1' * 400), lambda: int('1' * 4300) % 7, lambda: 10**4300 // 10**4299,
          lambda: (10**5000) / (10**4999), lambda: (10**5000) / 3, lambda: 3 / (10**5000), lambda: float(2**1023 * 2 - 1), lambda: (2**1024 - 2**970) / 1, lambda: (2**1024 - 2**971) / 1,
          lambda: round(2**1024 - 1, -300), lambda: divmod(-7, 2**100), lambda: pow(0, 0, 1), lambda: pow(3, 0, 1), lambda: pow(-3, 3, -5), lambda: pow(5, -1, -7),
          lambda: sum([2**62] * 5), lambda: sum([1e308, 1e308]), lambda: sum([], 2**70), lambda: 1 - 2**62 - 2**62 - 2**62]:
    show(f)
