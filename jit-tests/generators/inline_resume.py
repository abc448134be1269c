import sys, traceback

def gen(n):
    for i in range(n):
        yield i

def stage(it, k):
    for x in it:
        yield x * k

print(list(stage(gen(5), 3)))
print(sum(x for x in stage(gen(10), 2)))

def bad():
    yield 1
    raise StopIteration("boom")

try:
    for x in bad():
        print("got", x)
except RuntimeError as e:
    print("RT", e, repr(e.__cause__), e.__suppress_context__)
    traceback.print_exc(file=sys.stdout)

def raiser():
    yield 1
    yield 1 / 0

def mid():
    for x in raiser():
        yield x

try:
    for v in mid():
        print("v", v)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)

def running():
    print("running?", g.gi_running, g.gi_frame is None)
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_lineno

g = running()
for x in g:
    print("r", x)
print(g.gi_frame, g.gi_running)

def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "ret"

def outer():
    r = yield from inner()
    print("outer r", r)
    yield r

o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
try:
    o.send("c")
except StopIteration as e:
    print("stop", e.value)

def exc_gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

try:
    raise ValueError
except ValueError:
    for x in exc_gen():
        print("exc", x, sys.exc_info()[0].__name__)

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")

c = closer()
for x in c:
    print("c", x)
    break
c.close()
c2 = closer()
for x in c2:
    try:
        c2.throw(ValueError("t"))
    except ValueError as e:
        print("thrown", e)
print(list(c2))

def selfiter():
    yield next(g2, "done")
g2 = selfiter()
try:
    print(list(g2))
except ValueError as e:
    print("VE", e)

def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(sum(deep(200)))

def retval():
    yield 1
    return 5
def deleg():
    r = yield from retval()
    yield r
print(list(deleg()))

def gframe():
    f = sys._getframe()
    yield f.f_lineno
    yield f.f_back is not None
gf = gframe()
print(next(gf)); print(next(gf))

def nested_exc():
    try:
        yield 1
        raise TypeError("in gen")
    except TypeError as e:
        yield repr(e)
        raise
try:
    for x in nested_exc():
        print(x)
except TypeError as e:
    print("caught", e, e.__context__)
