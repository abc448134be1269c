# resource over libc: rlimits (get/set/prlimit round trips, RLIM_INFINITY as -1),
# getrusage as a struct_rusage, getpagesize, and resource.c's ValueErrors.
import resource

consts = sorted(n for n in dir(resource) if n.isupper())
print(consts)
print([getattr(resource, n) for n in consts])
print(resource.error is OSError, resource.getpagesize() > 0, resource.getpagesize() % 1024)
for r in (resource.RLIMIT_NOFILE, resource.RLIMIT_CORE, resource.RLIMIT_STACK, resource.RLIMIT_AS):
    lim = resource.getrlimit(r)
    print(type(lim).__name__, len(lim), lim == resource.prlimit(0, r), all(isinstance(x, int) and x >= -1 for x in lim))
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
print(resource.getrlimit(resource.RLIMIT_CORE)[0], resource.prlimit(0, resource.RLIMIT_CORE, [0, hard])[0])
resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_CORE) == (soft, hard))
nofile = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(64, nofile[1]), nofile[1]))
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0] == min(64, nofile[1]))
resource.setrlimit(resource.RLIMIT_NOFILE, nofile)
ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, type(ru).__module__, len(ru), resource.struct_rusage.n_fields, type(ru.ru_utime).__name__)
print(ru.ru_maxrss > 0, ru[2] == ru.ru_maxrss, ru[0] == ru.ru_utime, all(isinstance(x, int) for x in ru[2:]))
print(repr(ru).startswith("resource.struct_rusage(ru_utime="), type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__)
print(len(resource.getrusage(resource.RUSAGE_THREAD)))
for f in [lambda: resource.getrlimit(99), lambda: resource.getrlimit(-1), lambda: resource.getrlimit(16),
          lambda: resource.setrlimit(resource.RLIMIT_CORE, (1,)), lambda: resource.setrlimit(resource.RLIMIT_CORE, 5),
          lambda: resource.setrlimit(resource.RLIMIT_CORE, (10, 5)) if hard == -1 or hard >= 10 else print("skip"),
          lambda: resource.getrusage(5), lambda: resource.getrlimit("a"),
          lambda: resource.setrlimit(resource.RLIMIT_CORE, ("a", 1)), lambda: resource.getpagesize(1),
          lambda: resource.prlimit(0, 99), lambda: resource.getrlimit()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
