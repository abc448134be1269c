# Arbitrary precision integers
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // b, a % b, b // 12345, b % 12345)
print(-a // 7, -a % 7)
print(a >> 150, a << 10, -a >> 199, ~a)
print(a & (b - 1), a | 0xFFFF, a ^ b)
print(a.bit_length(), b.bit_length(), (-a).bit_length())
print(int("9" * 50) + 1)
print(str(10 ** 50)[:10], len(str(7 ** 500)))
f = 1
for i in range(1, 60):
    f *= i
print(f)
print(f == f + 0, f > f - 1, hash(f) == hash(f + 0))
print(abs(-a) == a, -(-a) == a, divmod(a, -b))
print(a.to_bytes(26, "big")[:4], int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", "big"))
print(int.from_bytes(b"\xff\xff", "little", signed=True), (255).to_bytes(2, "little"))
print((2 ** 64).to_bytes(9, "big"), int.from_bytes((2 ** 64).to_bytes(9, "big"), "big"))
print(pow(a, 3, b), (a * a) % b)
print(float(2 ** 60), float(10 ** 20), int(1e20))
print(10 ** 25 / 10 ** 5, 2 ** 100 / 2 ** 99)
import math
print(math.gcd(a, b * 4), math.isqrt(10 ** 40 + 12345), math.factorial(25))
print((1 << 100) - 1 == 2 ** 100 - 1, (1 << 64) | 1)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 20)
print(hex(a), oct(b)[:20], bin(2 ** 70 + 5))
