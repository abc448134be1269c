# global, nonlocal, closures
counter = 0
def incr():
    global counter
    counter += 1
    return counter
incr(); incr()
print(counter)
def make_counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def adders():
    return [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in adders()])
def closure_cells():
    a = 1
    def f():
        return a
    a = 2
    return f
print(closure_cells()())
x = "global x"
def reads_global():
    return x
def shadows():
    x = "local x"
    return x
print(reads_global(), shadows(), x)
def declare_global_new():
    global brand_new
    brand_new = "created"
declare_global_new()
print(brand_new)
def rec_closure():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact(10)
print(rec_closure())
print(make_counter.__code__.co_name if hasattr(make_counter, "__code__") else "")
print(c1.__closure__ is not None, len(c1.__closure__))
