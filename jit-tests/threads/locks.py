# Lock and RLock: exact totals across threads, reentrancy, errors, timeouts.
import threading
import _thread

lock = threading.Lock()
counter = 0


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


ts = [threading.Thread(target=add, args=(20000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)

print(type(lock).__name__, type(lock).__module__, isinstance(lock, _thread.LockType))
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
for args in [(False, 1), (True, -2)]:
    try:
        lock.acquire(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

r = threading.RLock()
with r:
    with r:
        print("nested", r._is_owned())
    print("still owned", r._is_owned())
print("owned after", r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# An RLock can't be released by another thread.
r.acquire()
errors = []


def other():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))
    errors.append(r.acquire(blocking=False))


t = threading.Thread(target=other)
t.start()
t.join()
print(errors)
r.release()

# A plain lock can be released by another thread (hand-off).
handoff = threading.Lock()
handoff.acquire()
t = threading.Thread(target=handoff.release)
t.start()
t.join()
print("handed off", handoff.acquire(timeout=1))


def recurse(n):
    with r:
        return 0 if n == 0 else 1 + recurse(n - 1)


print(recurse(50))
print(repr(lock).split(" ")[0], repr(r).split(" object")[0])
