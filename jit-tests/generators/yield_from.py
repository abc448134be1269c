# yield from delegation
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration:
    print("stop")
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x * x for x in range(3)))))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def thrower_inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        yield "after-catch"
def thrower_outer():
    yield from thrower_inner()
    yield "outer-continues"
g = thrower_outer()
print(next(g), g.throw(KeyError("k")), next(g))
def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")
g = closing_outer()
next(g)
g.close()
def tree(n):
    if n == 0:
        return 0
    left = yield from tree(n - 1)
    yield n
    right = yield from tree(n - 1)
    return left + right + 1
def drive():
    count = yield from tree(3)
    yield ("count", count)
print(list(drive()))
def yf_iter():
    result = yield from [10, 20]
    yield result
print(list(yf_iter()))
