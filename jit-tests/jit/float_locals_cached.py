# A float stored to a local and read back by float arithmetic in the same run of code
# is read unboxed (not reloaded from its object): everything else must still see the
# local's object.
import sys


def chain(n):
    acc = 0.0
    ids = 0
    for i in range(n):
        x = i * 0.5
        y = x * x + x       # reads x unboxed twice
        z = x               # the object itself
        ids += z is x
        x = y - 1.0
        w = x * 2.0         # the newer value
        acc += w + z
    return acc, ids


print("chain", chain(500))


def rebinding(n):
    out = []
    for i in range(n):
        x = i * 1.5
        t = x + 1.0
        if i % 3 == 0:
            x = "s%d" % i   # no longer a float
        else:
            x = t * 2.0
        out.append(x if isinstance(x, str) else x + 0.25)
    return out[:7], len(out)


print("rebinding", rebinding(300))


def across_iterations(n):
    x = 0.0
    s = 0.0
    for i in range(n):
        s += x * 2.0        # x from the previous iteration (a jump in between)
        x = i * 0.25
    return s


print("iterations", across_iterations(400))


def deleted(n):
    total = 0.0
    for i in range(n):
        x = i * 0.5
        total += x * 3.0
        if i == n - 1:
            del x
            try:
                total += x * 2.0
            except UnboundLocalError as e:
                print("unbound:", e)
    return total


print("deleted", deleted(200))


def refcounts(n):
    got = []
    for i in range(n):
        x = i * 0.75
        y = x * x
        got.append(sys.getrefcount(x))
        k = x
        got.append(sys.getrefcount(x))
        y = y + x
    return got[-4:], y


print("refcounts", refcounts(100))


def mixed(n):
    total = 0.0
    for i in range(n):
        x = i / 7
        total += x * i + x   # an int beside the float
        if i % 50 == 0:
            x = i           # an int in the local
            total += x * 0.5
    return total


print("mixed", mixed(400))
