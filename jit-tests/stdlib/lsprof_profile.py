# _lsprof.Profiler under CPython's cProfile/pstats, with a deterministic timer (one tick
# per reading), so call counts, recursion, subcalls, builtins and the times themselves
# must equal CPython's: nested and recursive calls, generators, exceptions, methods of
# builtin types, enable/disable flags, clear(), getstats(), cProfile.run and runcall.
import _lsprof
import cProfile
import io
import pstats


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def gen(n):
    for i in range(n):
        yield i * 2


def boom():
    raise ValueError("x")


def work():
    total = 0
    items = []
    for i in range(30):
        items.append(i * i)
        total += len(str(i))
    items.sort()
    d = {}
    d.get(1)
    d.setdefault("k", []).append(1)
    try:
        boom()
    except ValueError:
        pass
    total += sum(gen(5))
    return fib(10) + total + sum(items) + max(items) + len(",".join(["a", "b"]))


class Tick:
    def __init__(self):
        self.t = 0

    def __call__(self):
        self.t += 1
        return self.t


def show(pr, sort=("stdname",), callers=False):
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s).strip_dirs().sort_stats(*sort)
    st.print_callers() if callers else st.print_stats()
    print(s.getvalue())


def entries(pr):
    def name(c):
        return c if isinstance(c, str) else c.co_name
    for e in sorted(pr.getstats(), key=lambda e: str(name(e.code))):
        subs = sorted((name(c.code), c.callcount, c.reccallcount, c.totaltime, c.inlinetime) for c in e.calls) if e.calls else e.calls
        print(name(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime, subs)


pr = cProfile.Profile(Tick(), 0.001)
pr.enable()
work()
pr.disable()
show(pr)
show(pr, ("calls", "stdname"), callers=True)
entries(pr)

p2 = _lsprof.Profiler(Tick(), 1.0, subcalls=False, builtins=False)
p2.enable()
work()
p2.disable()
entries(p2)
p2.clear()
print(p2.getstats())
p2.enable(builtins=True)
fib(3)
len("abc")
p2.disable()
entries(p2)

with cProfile.Profile(Tick(), 0.5) as p3:
    fib(4)
entries(p3)
p4 = cProfile.Profile(Tick())
print(p4.runcall(fib, 6))
show(p4)
print(type(pr.getstats()[0]).__name__, _lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)
print(isinstance(pr, _lsprof.Profiler), _lsprof.Profiler.__module__)
for f in [lambda: _lsprof.Profiler(1, 2, 3, 4, 5), lambda: _lsprof.Profiler(timeunit="x"), lambda: _lsprof.Profiler.enable(3)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
