# Compute kernel: list-heavy loops, sorting
def bubble(xs):
    xs = list(xs)
    n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs

def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 214013 + 2531011) % 2 ** 31
        out.append(seed % 1000)
    return out

data = lcg(7, 400)
s = bubble(data)
print(s[:10], s[-5:], s == sorted(data))
recs = [(v % 10, -v, "r%d" % i) for i, v in enumerate(lcg(3, 3000))]
recs.sort(key=lambda r: (r[0], r[1]))
print(recs[:3], recs[-2:])
mat = [[(i * j) % 7 for j in range(40)] for i in range(40)]
prod = [[0] * 40 for _ in range(40)]
for i in range(40):
    row = mat[i]
    for j in range(40):
        acc = 0
        for k in range(40):
            acc += row[k] * mat[k][j]
        prod[i][j] = acc
print(sum(map(sum, prod)), prod[5][:8])
prefix = [0]
for v in data:
    prefix.append(prefix[-1] + v)
print(prefix[-1], prefix[200] - prefix[100])
