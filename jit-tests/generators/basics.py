# generator basics
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
g = count_up(3)
print(type(g).__name__, g.__name__)
print(next(g))
print(list(g))
print(list(g))
def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def gen_in_loop():
    for x in "abc":
        for y in range(2):
            yield x * (y + 1)
print(list(gen_in_loop()))
def lazy():
    print("side effect")
    yield 1
g = lazy()
print("created")
print(next(g))
def yields_expr():
    x = yield
    print("received", x)
    y = yield x * 2
    print("received", y)
g = yields_expr()
print(next(g), g.send(21))
try:
    g.send("last")
except StopIteration:
    print("finished")
