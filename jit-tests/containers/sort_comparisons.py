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
for n in [0, 1, 2, 5, 30, 63, 64, 65, 200, 1000]:
    random.seed(n)
    xs = [random.randrange(50) for _ in range(n)]
    K.n = 0
    r = sorted([K(x) for x in xs])
    print(n, [k.v for k in r] == sorted(xs), K.n if n < 64 else '')
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted([(1, 'b'), (1, 'a')]), sorted([1.5, -2, 3]))
for l in [[3, 1, 'a', 2], [1, 2, 3, 5, 4, 'x', 0], [5, 4, 3, 'x', 1], list(range(10, 0, -1)) + ['s'] + [7, 3]]:
    try:
        l.sort()
    except TypeError as e:
        print(e, l)
    l2 = list(l)
    try:
        l2.sort(reverse=True)
    except TypeError as e:
        print(e, l2)
