class R:
    s = 12345
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        R.s = (R.s * 1103515245 + 12345) % 2147483648
        return (R.s >> 16) & 1 == 1
for n in [10, 63, 64, 100, 500, 2000]:
    for t in range(5):
        xs = [R(i) for i in range(n)]
        ys = sorted(xs)
        print(n, sorted(y.v for y in ys) == list(range(n)), [y.v for y in ys][:8], R.s)
print()
