# argument unpacking and function objects
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, dict(sorted(kwargs.items())))
print(show(*[1, 2], *(3,), 4, **{"a": 1}, b=2, **{"c": 3}))
args = (1, 2)
kw = {"sep": "-", "end": "!\n"}
print(*args, **kw)
print(*"abc", sep=",")
print(*[], sep="x")
def swap(a, b):
    return b, a
print(swap(*swap(1, 2)))
def gen():
    yield 1
    yield 2
print(show(*gen(), *{"k": 1}))
fns = [len, str.upper, abs, show]
print([f.__name__ for f in fns])
def attr_fn():
    pass
attr_fn.custom = 5
print(attr_fn.custom, callable(attr_fn), callable(5), type(attr_fn).__name__)
print(show.__code__.co_varnames if hasattr(show, "__code__") else ("args", "kwargs"))
def ret_multiple():
    return 1, [2], {3: 4}
x, y, z = ret_multiple()
print(x, y, z)
def no_return():
    pass
print(no_return())
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(early(10), early(2))
def nested_def(flag):
    if flag:
        def inner():
            return "A"
    else:
        def inner():
            return "B"
    return inner()
print(nested_def(True), nested_def(False))
