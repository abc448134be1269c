# Compute kernel: closures and nonlocal in loops
def make_counter():
    n = 0
    def inc(k):
        nonlocal n
        n += k
        return n
    return inc
inc = make_counter()
for i in range(50000):
    inc(i & 3)
print(inc(0))
def compose_all(fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
pipeline = compose_all([lambda v, k=k: (v * 3 + k) % 10007 for k in range(20)])
acc = 0
for i in range(3000):
    acc = pipeline(acc + i)
print(acc)
G = 0
def bump_global(n):
    global G
    for i in range(n):
        G += i % 7
bump_global(40000)
print(G)
