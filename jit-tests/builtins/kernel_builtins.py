# Compute kernel: builtin calls in loops
data = [((i * 7919) % 1000) - 500 for i in range(5000)]
s = 0
for v in data:
    s += abs(v) + min(v, 0) + max(v, 0)
print(s)
print(sum(map(abs, data)), len(list(filter(lambda v: v > 0, data))), sorted(data)[::1000])
acc = 0
for i, v in enumerate(data):
    acc += i * v if isinstance(v, int) else 0
print(acc)
pairs = 0
for a, b in zip(data, reversed(data)):
    if a + b == 0:
        pairs += 1
print(pairs)
h = 0
for i in range(3000):
    h = (h + len(str(i)) * ord(chr(65 + i % 26))) % 100003
print(h, divmod(h, 97), pow(h, 5, 1009), round(h / 7, 3), hex(h), bin(h).count("1"))
print(max(data, key=lambda v: (v * v) % 977), min(range(100), key=lambda v: abs(v - 42.4)))
