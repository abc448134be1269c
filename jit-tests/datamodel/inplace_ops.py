# in-place operators and fallback
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd", o)
        self.v += o
        return self
    def __add__(self, o):
        print("add", o)
        return Acc(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        print("mul fallback")
        return Acc(self.v * o)
    def __repr__(self):
        return f"Acc({self.v})"
a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a, a is orig)
a *= 3
print(a, a is orig)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
lst = [1]
t = (lst,)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
d = {"k": [1]}
d["k"] += [2]
print(d)
class Obj:
    pass
o = Obj()
o.n = 1
o.n += 1
o.n **= 5
o.n //= 3
o.n %= 7
o.n <<= 2
o.n |= 1
print(o.n)
class Mat:
    def __init__(self, v):
        self.v = v
    def __imatmul__(self, o):
        self.v = self.v * o.v
        return self
m = Mat(3)
m @= Mat(4)
print(m.v)
