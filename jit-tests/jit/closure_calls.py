# Closures called from compiled code the direct way: their free variables come from the
# function's own closure, and the cells stay shared with the code that made them.


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return bump, peek


def hot(n):
    adders = [make_adder(k) for k in range(5)]
    bump, peek = make_counter()
    total = 0
    for i in range(n):
        total += adders[i % 5](i)
        bump(i % 3)
        if i % 100 == 0:
            total += peek()
    return total, peek()


print("hot", hot(600))


def many_frees(n):
    a, b, c, d, e, f, g, h, i2, j = range(10)

    def inner(x):
        return x + a + b + c + d + e + f + g + h + i2 + j

    s = 0
    for i in range(n):
        s += inner(i)
        if i == n // 2:
            j = 100  # the cell changes under the running loop
    return s


print("many frees", many_frees(400))


def recursive_closure(n):
    def walk(k):
        if k == 0:
            return 0
        return 1 + walk(k - 1)  # walk is a free variable of itself

    total = 0
    for _ in range(n):
        total += walk(30)
    return total


print("recursive", recursive_closure(100))


def swapped(n):
    def f1(x):
        return x * 2

    k = 7

    def f2(x):
        return x * k

    fs = [f1, f2]
    out = 0
    for i in range(n):
        out += fs[i % 2](i)
        if i == n // 2:
            k = -1
    return out


print("swapped", swapped(500))


def cells_seen(n):
    secret = [0]

    def touch(x):
        secret[0] += x
        return len(touch.__closure__)

    t = 0
    for i in range(n):
        t += touch(i)
    return t, secret[0], touch.__code__.co_freevars


print("cells", cells_seen(300))


def deleted_free(n):
    v = 5

    def use(x):
        return x + v

    out = 0
    for i in range(n):
        out += use(i)
    del v
    try:
        use(1)
    except NameError as e:
        print("deleted:", e)
    return out


print("deleted", deleted_free(300))
