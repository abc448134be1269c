# Async generators, async for/with, async comprehensions, aiter/anext, driven by hand.
class Tick:
    def __await__(self):
        yield "tick"


def run(coro):
    """A tiny event loop: every 'tick' is resumed at once."""
    ticks = 0
    try:
        while True:
            v = coro.send(None)
            assert v == "tick", v
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def agen(n):
    for i in range(n):
        await Tick()
        yield i
    print("agen done")


async def main():
    out = []
    async for x in agen(3):
        out.append(x)
    print("async for", out)
    print("listcomp", [x * 2 async for x in agen(3) if x != 1])
    print("setcomp", {x async for x in agen(2)})
    print("dictcomp", {x: x async for x in agen(2)})
    print("await in comp", [await echo(x) for x in range(3)])
    g = (x + 100 async for x in agen(2))
    print(type(g).__name__, [y async for y in g])
    it = aiter(agen(2))
    print(await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await anext(it, "default"))
    return "main done"


async def echo(x):
    await Tick()
    return x


print(run(main()))

# asend / athrow / aclose
async def talker():
    try:
        while True:
            got = yield "ready"
            print("got", got)
    except ValueError as e:
        print("athrow caught", e)
        yield "after"
    finally:
        print("talker cleanup")


async def drive():
    t = talker()
    print(await t.__anext__())
    print(await t.asend("hello"))
    print(await t.athrow(ValueError("boom")))
    await t.aclose()
    print(t.ag_running, t.ag_frame)
    try:
        await t.asend(None)
    except StopAsyncIteration:
        print("exhausted")


print(run(drive()))

async def ignores():
    try:
        yield 1
    finally:
        yield 2

async def bad_close():
    a = ignores()
    await a.__anext__()
    try:
        await a.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

run(bad_close())

async def stop_inside():
    yield 1
    raise StopAsyncIteration

async def leak():
    try:
        async for x in stop_inside():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)

run(leak())

class Manager:
    def __init__(self, suppress):
        self.suppress = suppress
    async def __aenter__(self):
        await Tick()
        print("enter")
        return self
    async def __aexit__(self, et, ev, tb):
        await Tick()
        print("exit", et.__name__ if et else None)
        return self.suppress


async def with_test():
    async with Manager(False) as m:
        print("body", type(m).__name__)
    async with Manager(True):
        raise KeyError("suppressed")
    try:
        async with Manager(False):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)
    for i in range(3):
        async with Manager(False):
            if i == 1:
                break
    return "with done"

print(run(with_test()))

class NoAexit:
    async def __aenter__(self):
        return 1

class BadEnter:
    def __aenter__(self):
        return 5
    def __aexit__(self, *a):
        return 5

async def with_errors():
    for m in [1, NoAexit(), BadEnter()]:
        try:
            async with m:
                pass
        except TypeError as e:
            print("TypeError:", e)
    for it in [1, object()]:
        try:
            async for x in it:
                pass
        except TypeError as e:
            print("TypeError:", e)

run(with_errors())

a = agen(1)
print(repr(a).startswith("<async_generator object agen at 0x"), a.__name__, hex(a.ag_code.co_flags & 0x3a0))
print(type(a.__anext__()).__name__, type(a.aclose()).__name__)
