# Compute kernel: formatting in loops
out = []
for i in range(3000):
    out.append(f"{i:05d}:{i * 1.5:8.2f}:{i:x}:{i % 7!r}")
print(len(out), out[0], out[1234], out[-1])
total = 0
for line in out:
    a, b, c, d = line.split(":")
    total += int(a) + int(float(b)) + int(c, 16) + int(d)
print(total)
table = "\n".join(f"{k:>4} | {'#' * (k % 10):<10} | {k / 3:.3f}" for k in range(200))
print(len(table), table.splitlines()[42])
