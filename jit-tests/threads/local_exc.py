# threading.local per-thread attributes, excepthook output for errors in threads.
import io
import sys
import threading

data = threading.local()
data.x = "main"
seen = []


def show():
    seen.append(hasattr(data, "x"))
    data.x = threading.current_thread().name
    seen.append(data.x)


t = threading.Thread(target=show, name="T")
t.start()
t.join()
print(seen, data.x)


class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


ml = MyLocal(7)
ml.v = 8
got = []
t = threading.Thread(target=lambda: got.append(ml.get()))
t.start()
t.join()
print(got, ml.get())
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)


def boom():
    raise ValueError("bad value")


captured = []


def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=boom)
t.start()
t.join()
print(captured)
threading.excepthook = threading.__excepthook__

# The default hook: the first and last lines of what it writes.
old = sys.stderr
sys.stderr = buf = io.StringIO()
t = threading.Thread(target=boom)
t.start()
t.join()
sys.stderr = old
lines = buf.getvalue().splitlines()
print(lines[0])
print(lines[1])
print(lines[-2:])


def quits():
    sys.exit(3)


t = threading.Thread(target=quits)
t.start()
t.join()
print("SystemExit in a thread is silent", t.is_alive())
