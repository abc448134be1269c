# lambda expressions
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "const")(), (lambda *a, **k: (a, sorted(k)))(1, z=2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(map(lambda x: x + 1, [1, 2])))
print(list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
print((lambda x: (lambda y: x + y))(10)(5))
print(sq.__name__, (lambda: 0).__qualname__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(12))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: fn(7, 3) for k, fn in ops.items()})
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
kwlam = lambda *, k=1, **rest: (k, rest)
print(kwlam(), kwlam(k=5, j=6))
y = 10
cap = lambda x, y=y: x + y
y = 20
print(cap(1), (lambda x: x + y)(1))
print((lambda a, /, b: a - b)(10, b=3))
