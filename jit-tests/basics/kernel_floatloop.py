# Compute kernel: nested float loops
def mandel(w, h, iters):
    rows = []
    for j in range(h):
        row = []
        ci = -1.2 + 2.4 * j / h
        for i in range(w):
            cr = -2.0 + 3.0 * i / w
            zr = zi = 0.0
            k = 0
            while k < iters and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            row.append(" .:-=+*#%@"[k % 10])
        rows.append("".join(row))
    return rows

for line in mandel(48, 16, 50):
    print(line)

def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h

print(round(integrate(lambda x: x * x, 0.0, 3.0, 10000), 6))
x = 1.0
for _ in range(1000):
    x = x * 1.0001 + 0.5 / x
print(round(x, 9))
dot = 0.0
a = [i * 0.5 for i in range(1000)]
b = [1.0 / (i + 1) for i in range(1000)]
for i in range(1000):
    dot += a[i] * b[i]
print(round(dot, 9))
