# Compute kernel: operator overloading in loops
class V2:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return V2(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V2(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V2(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __getitem__(self, i):
        return self.x if i == 0 else self.y
    def __len__(self):
        return 2

pts = [V2(i % 17 - 8, i % 11 - 5) for i in range(400)]
acc = V2(0, 0)
for p in pts:
    acc = acc + p * 2 - V2(1, 1)
print(acc.x, acc.y)
length = 0.0
for i in range(len(pts) - 1):
    length += abs(pts[i + 1] - pts[i])
print(round(length, 6))
print(min(pts)[0], max(pts)[1], sum(p[0] * p[1] for p in pts))
eq = 0
for i in range(len(pts)):
    if pts[i] == pts[(i * 7) % len(pts)]:
        eq += 1
print(eq)
pos, vel = V2(0.0, 0.0), V2(1.0, 0.5)
for step in range(5000):
    pos = pos + 0.001 * vel
    vel = vel - pos * 0.001
print(round(pos.x, 9), round(pos.y, 9))
