# An exception raised inside nested coroutines: the traceback runs through every await
# (driven by hand, so only coroutine frames and the driver appear).
class Tick:
    def __await__(self):
        yield


async def leaf(n):
    await Tick()
    return 10 // n


async def middle(n):
    return await leaf(n)


async def main():
    print(await middle(2))
    try:
        await middle(0)
    except ZeroDivisionError as e:
        print("caught", e)
    await middle(0)


def run(coro):
    while True:
        coro.send(None)


run(main())
