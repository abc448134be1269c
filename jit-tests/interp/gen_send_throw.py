# generators: send/throw/close, yield from delegation, exc_info inside generators
import sys
def sub():
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield 3
    finally:
        print("sub finally")
    return "subret"
def outer():
    r = yield from sub()
    print("outer got", r)
    yield 4
g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k")))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
g = outer()
next(g)
g.close()
print("closed", g.gi_frame)
def gen_exc():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
ge = gen_exc()
print(next(ge))
try:
    raise TypeError("outer")
except TypeError:
    print(next(ge))
    print(sys.exc_info()[0].__name__)
print(next(ge))
def g3():
    yield 1
gg = g3()
print(gg.gi_running, gg.__name__, gg.__qualname__, gg.gi_code.co_name)
print(list(gg), list(gg))
try:
    gg.send(5)
except StopIteration:
    print("stop on finished")
g4 = g3()
try:
    g4.send(1)
except TypeError as e:
    print(e)
def g5():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = g5(); next(x)
try:
    x.close()
except RuntimeError as e:
    print(e)
def g6():
    yield
    return 5
y = g6(); next(y)
try:
    y.throw(ValueError, "v")
except ValueError as e:
    print("thrown", e)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
