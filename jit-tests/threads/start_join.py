# Thread start/join, names (3.10+ "Thread-N (target)"), idents, daemon flag, repr states.
import threading

results = {}
idents = {}
together = threading.Barrier(5)


def work(n, scale=1):
    results[n] = n * n * scale
    idents[n] = threading.get_ident()
    together.wait()  # all alive at once: their idents must differ


ts = [threading.Thread(target=work, args=(i,), kwargs={"scale": 2}) for i in range(5)]
print([t.name for t in ts])
print([t.is_alive() for t in ts], [t.ident for t in ts])
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
print(len(set(idents.values())) == 5, all(isinstance(t.ident, int) for t in ts))
print(sorted(idents) == list(range(5)), all(idents[i] == ts[i].ident for i in range(5)))
print(all(t.native_id is not None for t in ts), [t.is_alive() for t in ts])
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(threading.get_ident() == threading.main_thread().ident)
print(threading.active_count(), [t.name for t in threading.enumerate()])


class MyThread(threading.Thread):
    def __init__(self):
        super().__init__(name="custom")
        self.value = None

    def run(self):
        self.value = threading.current_thread().name


m = MyThread()
print(repr(m))
m.start()
m.join()
print(m.value, repr(m).split(' ')[0], repr(m).split(' ')[1])
n = threading.Thread(target=print, args=("hello from print",), daemon=True)
print(n.daemon, n.name)
n.start()
n.join()
print(repr(n)[:40].split(",")[0])
print(threading.Thread().name, threading.Thread(name="x").name)
try:
    m.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
t = threading.Thread(target=lambda: None)
t.start()
t.join(timeout=5)
t.join()
print(t.is_alive())
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.TIMEOUT_MAX, threading.get_native_id() == threading.main_thread().native_id)
