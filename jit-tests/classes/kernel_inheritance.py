# Compute kernel: virtual dispatch through an inheritance chain
class Node:
    def eval(self):
        raise NotImplementedError
class Num(Node):
    def __init__(self, v):
        self.v = v
    def eval(self):
        return self.v
class BinOp(Node):
    def __init__(self, l, r):
        self.l = l
        self.r = r
class Add(BinOp):
    def eval(self):
        return self.l.eval() + self.r.eval()
class Mul(BinOp):
    def eval(self):
        return self.l.eval() * self.r.eval() % 1000003
class Sub(BinOp):
    def eval(self):
        return self.l.eval() - self.r.eval()
def build(depth, seed):
    if depth == 0:
        return Num(seed % 10)
    kind = seed % 3
    l = build(depth - 1, seed * 7 + 1)
    r = build(depth - 1, seed * 13 + 2)
    return Add(l, r) if kind == 0 else Mul(l, r) if kind == 1 else Sub(l, r)
tree = build(10, 3)
total = 0
for i in range(20):
    total += tree.eval()
print(total)
class Base:
    def step(self, x):
        return x + 1
class Mid(Base):
    def step(self, x):
        return super().step(x) * 2
class Leaf(Mid):
    def step(self, x):
        return super().step(x) - 3
o = Leaf()
x = 0
for i in range(20000):
    x = o.step(x) % 100000
print(x)
