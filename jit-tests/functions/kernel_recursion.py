# Compute kernel: recursive functions
def count_partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return count_partitions(n - k, k) + count_partitions(n, k - 1)
print(count_partitions(40, 20))
def queens(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        if not (cols >> c) & 1 and not (d1 >> (row + c)) & 1 and not (d2 >> (row - c + n)) & 1:
            total += queens(n, row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n))
    return total
print(queens(7))
def msort(xs):
    if len(xs) <= 1:
        return xs
    m = len(xs) // 2
    a, b = msort(xs[:m]), msort(xs[m:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
data = [(i * 7907) % 5003 for i in range(4000)]
s = msort(data)
print(s[:5], s[-5:], s == sorted(data))
