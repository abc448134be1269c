class R:
    def __init__(self): self.s = 1
    def seed(self, n): self.s = n * 7919 + 1
    def randrange(self, m):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return self.s % m
random = R()
class K:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.n += 1
        return self.v < o.v
def run(xs, label):
    K.n = 0
    r = sorted([K(x) for x in xs])
    ok = [k.v for k in r] == sorted(xs)
    K.n, n1 = 0, K.n
    r2 = sorted([K(x) for x in xs], reverse=True)
    print(label, len(xs), ok, n1, K.n, [k.v for k in r2] == sorted(xs, reverse=True))
for n in [64, 65, 100, 200, 257, 1000, 3000]:
    random.seed(n)
    run([random.randrange(50) for _ in range(n)], 'rand50')
    run([random.randrange(10**6) for _ in range(n)], 'randbig')
    run(list(range(n)), 'asc')
    run(list(range(n, 0, -1)), 'desc')
    run([i % 7 for i in range(n)], 'saw')
    run(list(range(n // 2)) + list(range(n // 2)), 'twoasc')
    xs = list(range(n)); xs[n // 3] = -1; run(xs, 'onebad')
    run([(i * 37) % 101 for i in range(n)], 'mod')
    run(list(range(n // 2, n)) + [random.randrange(n) for _ in range(n // 2)], 'halfrand')
