# Floor division and modulo sign rules
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 5):
        q, r = a // b, a % b
        assert q * b + r == a
        print(a, b, q, r, divmod(a, b))
for a in (7.5, -7.5, 0.0, -0.0):
    for b in (2.0, -2.0, 0.75):
        print(a, b, a // b, a % b, divmod(a, b))
print(10 ** 20 // 3, -(10 ** 20) // 3, 10 ** 20 % 7, -(10 ** 20) % 7)
print(5 % -3, -5 % 3, 5.0 % -3, -5.0 % 3)
print(6 % 3, -6 % 3, 6.0 % -3)
print((-1) % 10 ** 30, 1 % -(10 ** 30))
