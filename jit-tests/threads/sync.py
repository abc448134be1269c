# Condition producer/consumer, Event, Semaphore, BoundedSemaphore, Barrier, Timer.
import threading
import time

cond = threading.Condition()
queue = []
consumed = []


def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: queue)
            item = queue.pop(0)
        if item is None:
            break
        consumed.append(item)


cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs:
    c.start()
for i in range(30):
    with cond:
        queue.append(i)
        cond.notify()
for _ in cs:
    with cond:
        queue.append(None)
        cond.notify_all()
for c in cs:
    c.join()
print("consumed", sorted(consumed) == list(range(30)))
with cond:
    print("wait timeout", cond.wait(0.01))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)

ev = threading.Event()
order = []


def waiter(i):
    ev.wait()
    with cond:
        order.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
print("set?", ev.is_set(), ev.wait(0.01))
ev.set()
for w in ws:
    w.join()
print(sorted(order), ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())

sem = threading.Semaphore(2)
active = 0
peak = 0
guard = threading.Lock()


def limited():
    global active, peak
    with sem:
        with guard:
            active += 1
            peak = max(peak, active)
        time.sleep(0.005)
        with guard:
            active -= 1


ss = [threading.Thread(target=limited) for _ in range(6)]
for s in ss:
    s.start()
for s in ss:
    s.join()
print("peak", peak <= 2, "active", active)
bs = threading.BoundedSemaphore(1)
print(bs.acquire(), bs.acquire(blocking=False), bs.acquire(timeout=0.01))
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)

hits = []
b = threading.Barrier(3, action=lambda: hits.append("action"))
idx = []


def party():
    idx.append(b.wait())


ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(sorted(idx), hits, b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("after reset", b2.broken)

fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired, t.name.startswith("Thread-"))
