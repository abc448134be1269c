# closures and cell behaviour
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late_binding())
def accumulator(start):
    total = start
    def add(x):
        nonlocal total
        total += x
        return total
    def get():
        return total
    return add, get
add, get = accumulator(100)
add(5); add(10)
print(get())
def counter_gen():
    count = 0
    def tick():
        nonlocal count
        count += 1
        return count
    return tick
t1, t2 = counter_gen(), counter_gen()
print(t1(), t1(), t2(), t1())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
def shared_cell():
    x = 0
    def inc():
        nonlocal x
        x += 1
    def read():
        return x
    return inc, read
inc, read = shared_cell()
inc(); inc(); inc()
print(read())
def class_in_function(v):
    class Inner:
        value = v
        def get(self):
            return v * 2
    return Inner
print(class_in_function(21)().get(), class_in_function(4).value)
def unbound_then_bound():
    def f():
        return later
    later = "bound later"
    return f()
print(unbound_then_bound())
