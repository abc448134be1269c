# profile + pstats over marshal: Profile.dump_stats writes the stats with marshal.dump,
# pstats.Stats reads them back with marshal.load; a second dump/load round trip keeps
# them equal. modulefinder imports (its scan of code needs CPython's co_code, which pylift's
# code objects do not have).
import io
import modulefinder
import os
import profile
import pstats
import tempfile


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


p = profile.Profile()
print(p.runcall(fib, 12))
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "stats")
    p.dump_stats(fn)
    s = pstats.Stats(fn, stream=io.StringIO())
    s.dump_stats(fn + "2")
    s2 = pstats.Stats(fn + "2", stream=io.StringIO())
    print(s.stats == s2.stats, s.total_calls, s2.total_calls, s.prim_calls)
    print(sorted((k[2], v[0], v[1]) for k, v in s.stats.items() if k[2] == "fib"))
    out = io.StringIO()
    pstats.Stats(fn, stream=out).strip_dirs().sort_stats("calls").print_stats(3)
    print([line.split()[0] for line in out.getvalue().splitlines() if "fib" in line])
    merged = pstats.Stats(fn, fn + "2", stream=io.StringIO())
    print(merged.total_calls, merged.prim_calls)

mf = modulefinder.ModuleFinder()
print(type(mf).__name__, mf.badmodules, modulefinder.packagePathMap == {})
