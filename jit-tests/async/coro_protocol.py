# The coroutine protocol driven by hand: send/throw/close, cr_* attributes, await errors.
import types


class Fut:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return (self.tag, got)


async def inner(x):
    r = await Fut(x)
    return r


async def outer():
    a = await inner("a")
    b = await inner("b")
    return [a, b]


c = outer()
print(type(c).__name__, c.cr_running, c.cr_suspended, c.cr_await, c.cr_code.co_name)
print(hex(c.cr_code.co_flags & 0x3a0), c.__name__, c.__qualname__)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_frame.f_code.co_name)
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# throw goes to the innermost awaitable, then propagates back out.
async def catcher():
    try:
        await Fut("t")
    except KeyError as e:
        return "caught " + repr(e)

c = catcher()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

# close() raises GeneratorExit at the await.
async def closer():
    try:
        await Fut("c")
    finally:
        print("finally ran")

c = closer()
c.send(None)
c.close()
print("closed", c.cr_frame)

try:
    c = outer()
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
c.close()

# __await__ and the coroutine wrapper
async def three():
    return 3

w = three().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper result", e.value)

# await errors, as CPython 3.11 words them
class NoIter:
    def __await__(self):
        return 1

class CoroAwait:
    def __await__(self):
        return three()

async def bad(obj):
    return await obj

for obj in [5, None, NoIter()]:
    c = bad(obj)
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e)

class CoroAwait:
    def __await__(self):
        self.c = three()
        return self.c

ca = CoroAwait()
try:
    bad(ca).send(None)
except TypeError as e:
    print("TypeError:", e)
ca.c.close()

async def twice(c):
    await c

inner_c = inner("x")
a = twice(inner_c)
a.send(None)
b = twice(inner_c)
try:
    b.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
a.close()
b.close()

# generator-based coroutines
@types.coroutine
def gen_coro():
    v = yield "from gen"
    return v * 2

async def use_gen():
    return await gen_coro()

c = use_gen()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("gen coro result", e.value)

t3 = three()

def plain_gen():
    yield from t3

try:
    next(plain_gen())
except TypeError as e:
    print("TypeError:", e)

try:
    next(t3)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(t3)
except TypeError as e:
    print("TypeError:", e)
t3.close()

import inspect
print(inspect.iscoroutinefunction(three), inspect.iscoroutinefunction(plain_gen))
print(inspect.iscoroutine(c), inspect.isawaitable(Fut(1)))
import collections.abc
print(isinstance(c, collections.abc.Coroutine), isinstance(c, collections.abc.Awaitable))
print(repr(c).startswith("<coroutine object use_gen at 0x"))

import sys
print(sys.get_asyncgen_hooks(), sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(1)
c = three()
print(c.cr_origin[0][1:], sys.get_coroutine_origin_tracking_depth())
c.close()
sys.set_coroutine_origin_tracking_depth(0)
