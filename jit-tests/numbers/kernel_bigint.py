# Compute kernel: pi digits via spigot with big ints
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out

d = pi_digits(200)
print("".join(map(str, d)))
f = 1
for i in range(2, 300):
    f *= i
print(len(str(f)), str(f)[:30], f % 1000003)
s = 0
x = 1
for i in range(400):
    x = x * 3 + i
    s ^= x
print(s.bit_length(), s % 999983)
