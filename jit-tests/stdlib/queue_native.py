# The native _queue: SimpleQueue put/get (blocking, timeouts, nowait), Empty, argument
# errors, subclassing, weak references, and a producer/consumer pair of threads.
import _queue, queue, threading, time, weakref
print(sorted(n for n in dir(_queue) if not n.startswith("__")), queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__mro__)
q = queue.SimpleQueue()
print(q.empty(), q.qsize())
for i in range(3): q.put(i)
q.put_nowait("x"); q.put(item="y", block=False, timeout=1)
print(q.qsize(), q.empty(), [q.get() for _ in range(3)], q.get_nowait(), q.get(False), q.empty())
for f in [lambda: q.get_nowait(), lambda: q.get(False), lambda: q.get(timeout=0.01), lambda: q.get(timeout=-1), lambda: q.get(timeout="x"), lambda: queue.SimpleQueue(1), lambda: queue.SimpleQueue(x=1), lambda: q.put(), lambda: q.qsize(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(queue.SimpleQueue[int], weakref.ref(q)() is q)
res = []
def producer():
    for i in range(200):
        q.put(i)
        if i % 50 == 0: time.sleep(0.01)
    q.put(None)
def consumer():
    while True:
        x = q.get(timeout=5)
        if x is None: break
        res.append(x)
t1 = threading.Thread(target=consumer); t2 = threading.Thread(target=producer)
t1.start(); t2.start(); t1.join(); t2.join()
print(len(res), res == list(range(200)))
class Q(queue.SimpleQueue): pass
qq = Q(); qq.put(1); print(type(qq).__name__, qq.get())
t0 = time.monotonic()
try: queue.SimpleQueue().get(timeout=0.05)
except queue.Empty: print("empty after", time.monotonic() - t0 >= 0.04)
