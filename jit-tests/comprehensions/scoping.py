# comprehension scoping rules
x = 10
res = [x for x in range(3)]
print(res, x)
y = 5
print([y * i for i in range(3)])
def f():
    z = 2
    return [z * i for i in range(3)], {i: z for i in range(2)}, {z + i for i in range(2)} == {2, 3}
print(f())
class A:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    factor = 3
    try:
        tripled = [v * factor for v in base]
    except NameError as e:
        err = str(e)
print(A.doubled, A.err)
def closures():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(closures())
def walrus_leaks():
    [last := v for v in range(4)]
    return last
print(walrus_leaks())
def nested_scopes():
    n = 3
    return [[n * r + c for c in range(n)] for r in range(n)]
print(nested_scopes())
print([[i for i in range(j)] for j in range(4)])
total = 0
def uses_global():
    return sum(total + k for k in range(3))
print(uses_global())
print([v for v in [lambda: 1, lambda: 2] if v() > 1][0]())
def gen_scope():
    data = "abc"
    return list((c, i) for i, c in enumerate(data))
print(gen_scope())
try:
    [i for i in range(3)]
    print(i)
except NameError as e:
    print("NameError:", e)
