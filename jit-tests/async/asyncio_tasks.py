# CPython's asyncio on pylift: tasks, gather, queues, events, locks, semaphores,
# cancellation, timeouts and TaskGroup (output independent of timing).
import asyncio
import time


async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()


async def gather_demo():
    log = []
    r = await asyncio.gather(worker("c", 0.03, log), worker("a", 0.01, log), worker("b", 0.02, log))
    print("gather", r, sorted(log))
    r = await asyncio.gather(worker("x", 0, log), asyncio.sleep(0, "slept"), return_exceptions=True)
    print("gather2", r)

    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")

    r = await asyncio.gather(boom(), worker("y", 0, log), return_exceptions=True)
    print("gather3", [type(x).__name__ for x in r])


async def queue_demo():
    q = asyncio.Queue(maxsize=2)
    got = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (item := await q.get()) is not None:
            got.append(item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer())
    await q.join()
    print("queue", got, q.empty())


async def sync_demo():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    order = []

    async def waiter(i):
        await ev.wait()
        async with sem:
            async with lock:
                order.append(i)
                await asyncio.sleep(0)

    tasks = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    print("before set", order, ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print("after", sorted(order), lock.locked())


async def cancel_demo():
    started = asyncio.Event()

    async def forever():
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise

    t = asyncio.create_task(forever())
    await started.wait()
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled(), t.done())


async def timeout_demo():
    t0 = time.monotonic()
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except asyncio.TimeoutError:
        print("wait_for timed out", time.monotonic() - t0 < 5)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() fired")
    print("wait_for result", await asyncio.wait_for(worker("w", 0, []), timeout=5))
    t0 = time.monotonic()
    await asyncio.sleep(0.1)
    print("slept at least 0.1s:", time.monotonic() - t0 >= 0.09)


async def taskgroup_demo():
    results = []
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(f"t{i}", 0.01 * (3 - i), results))
    print("taskgroup", sorted(results))

    async def fails(n):
        await asyncio.sleep(0.01)
        raise KeyError(n)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(1))
            tg.create_task(asyncio.sleep(10))
    except* KeyError as eg:
        print("except*", [repr(e) for e in eg.exceptions])


async def main():
    await gather_demo()
    await queue_demo()
    await sync_demo()
    await cancel_demo()
    await timeout_demo()
    await taskgroup_demo()
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "from call_later")
    print(await fut)
    print("current task:", asyncio.current_task().get_name() is not None)
    return "done"


print(asyncio.run(main()))
