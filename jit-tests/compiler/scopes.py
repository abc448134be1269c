# Name resolution: globals, nonlocal, closures, class scopes, comprehensions, mangling
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print("counter", counter)

def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = make_counter()
print(c(), c(), c(10))

# closures capture variables, not values
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer():
    x = "outer"
    class Inner:
        x = "class"
        y = x
        def get(self):
            return x
        z = [x for _ in range(1)]
    return Inner.y, Inner().get(), Inner.z
print(outer())

class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def cls(self):
        return __class__.__name__
print(Child().hello(), Child().cls())

class Mangle:
    __secret = 42
    def get(self):
        return self.__secret
    def names(self):
        return [n for n in dir(self) if "secret" in n]
print(Mangle().get(), Mangle().names(), hasattr(Mangle, "_Mangle__secret"))

# walrus inside comprehensions binds in the enclosing scope
values = [y := v * 2 for v in range(4)]
print(values, y)
def walrus_in_func():
    total = [last := k for k in "abc"]
    return total, last
print(walrus_in_func())

# comprehension variables do not leak
k = "kept"
_ = [k for k in range(3)]
print(k)

def shadow():
    try:
        print(undefined_local)
    except NameError as e:
        print("NameError:", e)
    x = 1
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
shadow()

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            def l3():
                return a + b
            return l3()
        return l2()
    return l1()
print(deep())

def cell_param(p):
    def get():
        return p
    p = p * 2
    return get()
print(cell_param(21))

x = "module"
def reads_global():
    return x
def local_after_global_read():
    y = x
    return y
print(reads_global(), local_after_global_read())

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
Counter(); Counter()
print(Counter.count)
