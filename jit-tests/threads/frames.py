# sys._current_frames() with several threads: one entry per thread, each thread's frame
# chain reaches its own function.
import sys
import threading

go = threading.Event()
ready = threading.Barrier(4)


def alpha():
    ready.wait()
    go.wait()


def beta():
    ready.wait()
    go.wait()


def gamma():
    ready.wait()
    go.wait()


ts = [threading.Thread(target=f) for f in (alpha, beta, gamma)]
for t in ts:
    t.start()
ready.wait()
frames = sys._current_frames()
print(len(frames), sorted(frames) == sorted([t.ident for t in ts] + [threading.get_ident()]))


def chain(f):
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


for t, name in zip(ts, ["alpha", "beta", "gamma"]):
    print(name, name in chain(frames[t.ident]))
print(chain(frames[threading.get_ident()]))


def where():
    return sys._current_frames()[threading.get_ident()].f_code.co_name


print(where())
go.set()
for t in ts:
    t.join()
print(len(sys._current_frames()), list(sys._current_frames()) == [threading.get_ident()])
print(sys._current_frames()[threading.get_ident()] is sys._getframe())

# A thread started and joined at once sees the starting thread's frame too (seed snippet).
def thread_info():
    frames = sys._current_frames()
    print(f"thread frames: {len(frames)}", threading.get_ident() in frames)


thread_info()
t = threading.Thread(target=thread_info)
t.start()
t.join()
