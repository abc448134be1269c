# int arithmetic: small/big boundaries, floor semantics, powers, shifts, bit ops, errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

vals = [0, 1, -1, 7, -7, 3, 2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63, 2**64 + 5, -(3**80), 10**30 + 7]
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b, a & b, a | b, a ^ b)
        if b:
            print(a // b, a % b, divmod(a, b), a / b)
for a in [7, -7, 0, 2**70, -(2**70)]:
    for s in [0, 1, 3, 63, 64, 100]:
        print(a << s, a >> s)
print(2**100, (-2)**101, 3**-2, (-3)**-3, 0**0, 10**-1)
print(pow(3, 200, 1000), pow(-3, 5, 7), pow(3, 5, -7), pow(2, -1, 7), pow(38, -1, 97))
print(~5, ~-1, -(-(2**62)), abs(-(2**62)), +(2**64))
print(10**50 // 7, -(10**50) // 7, 10**50 % -7, divmod(-(10**40), 10**20 + 1))
print(2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**1000 < float("inf"), 10**400 > 1e308)
print(1 == 1.0, 1 < 1.5, -1 > -1.5, 2**64 == 2.0**64, (2**64 + 1) == 2.0**64)
print(True + True, True * 10, True & False, True | False, True ^ True, ~True, -True, +True)
print(type(True & True).__name__, type(True + 0).__name__, True / 2, True // 1)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(1 / 3, 2 / 3, 10**20 / 3, -(10**30) / 7, (2**1100 + 1) / 2**1000, 1 / 2**1074, 3 / 2**1075)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: divmod(1, 0))
show(lambda: 1 / 0)
show(lambda: 10**400 / 3)
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
show(lambda: 0 ** -1)
show(lambda: pow(2, 3, 0))
show(lambda: pow(2, -1, 4))
show(lambda: pow(2.0, 3, 5))
show(lambda: 10**400 * 1.0)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: 1 < "a")
show(lambda: [] > 1)
show(lambda: -"a")
show(lambda: ~1.5)
show(lambda: 1 @ 2)
x = 5
x += 3
x **= 2
x //= 7
x <<= 70
x >>= 68
x %= 10
print(x)
