# Compute kernel: comprehensions in loops
grid = [[(i * 31 + j * 17) % 23 for j in range(120)] for i in range(120)]
col_sums = [sum(row[j] for row in grid) for j in range(120)]
print(sum(col_sums), max(col_sums), min(col_sums))
pyth = [(a, b, c) for c in range(1, 60) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(len(pyth), pyth[:5])
idx = {i: [j for j in range(i) if i % (j + 1) == 0] for i in range(1, 300)}
print(sum(len(v) for v in idx.values()), idx[240][-4:])
uniq = {(x * x) % 1009 for x in range(5000)}
print(len(uniq))
flat = [x for row in grid for x in row if x > 20]
print(len(flat), sum(flat))
