# Compute kernel: function calls in loops
def add(a, b):
    return a + b

def clamp(x, lo=0, hi=100):
    return lo if x < lo else hi if x > hi else x

def apply(f, xs):
    out = 0
    for x in xs:
        out = f(out, x)
    return out

def kw_call(a, *, scale=1, offset=0):
    return a * scale + offset

total = 0
for i in range(50000):
    total = add(total, i)
print(total)
print(sum(clamp(i - 50, hi=60) for i in range(200)))
print(apply(add, range(10000)), apply(lambda a, b: a ^ b, range(10000)))
acc = 0
for i in range(20000):
    acc += kw_call(i, scale=2, offset=-1)
print(acc)
def make_adder(n):
    def adder(x):
        return x + n
    return adder
adders = [make_adder(k) for k in range(10)]
v = 0
for i in range(5000):
    v = adders[i % 10](v)
print(v)
