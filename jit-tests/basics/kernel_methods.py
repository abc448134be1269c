# Compute kernel: method calls and attribute access in loops
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def scale(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, other):
        return self.x * other.x + self.y * other.y

class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.y < 0:
            self.vel = Vec(self.vel.x, -self.vel.y)

class Counter:
    def __init__(self):
        self.count = 0
    def inc(self):
        self.count += 1

ps = [Particle(Vec(float(i), 10.0 + i), Vec(1.0, -2.0 - i * 0.1)) for i in range(10)]
for _ in range(2000):
    for p in ps:
        p.step(0.01)
total = Vec(0.0, 0.0)
for p in ps:
    total = total.add(p.pos)
print(round(total.x, 6), round(total.y, 6), round(total.dot(Vec(1.0, 1.0)), 6))
c = Counter()
for i in range(30000):
    c.inc()
print(c.count)
words = []
for i in range(2000):
    words.append(str(i))
print(len("".join(words)), words[-1].zfill(6), sum(len(w) for w in words))
