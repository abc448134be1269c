# The native _stat under CPython's stat.py: constants, S_IS* tests, S_IMODE/S_IFMT and
# filemode agree with stat.py's own pure-Python definitions, plus _stat.c's errors.
import _stat
import os
import stat

names = sorted(n for n in dir(_stat) if not n.startswith("__"))
print(len(names), stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
print([(n, getattr(_stat, n)) for n in names if not callable(getattr(_stat, n))])
modes = [0o100644, 0o40755, 0o120777, 0o104755, 0o102644, 0o41777, 0o41776, 0o20600, 0o60600, 0o10600,
         0o140600, 0o170777, 0o7777, 0, 0o106000, 0o101000]
for m in modes:
    tests = [f(m) for f in (_stat.S_ISDIR, _stat.S_ISCHR, _stat.S_ISBLK, _stat.S_ISREG, _stat.S_ISFIFO,
                            _stat.S_ISLNK, _stat.S_ISSOCK, _stat.S_ISDOOR, _stat.S_ISPORT, _stat.S_ISWHT)]
    print(oct(m), _stat.filemode(m), oct(_stat.S_IMODE(m)), oct(_stat.S_IFMT(m)), "".join("1" if t else "0" for t in tests))
st = os.stat(".")
print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(os.stat("stdlib/stat_native.py").st_mode), stat.filemode(st.st_mode)[0])
for f in [lambda: _stat.S_ISDIR("a"), lambda: _stat.S_ISDIR(-1), lambda: _stat.S_ISDIR(2**32),
          lambda: _stat.S_ISDIR(2**64), lambda: _stat.filemode(-1), lambda: _stat.S_IMODE(2**32 + 0o777),
          lambda: _stat.S_IFMT(1.5), lambda: _stat.S_ISDIR(True), lambda: _stat.S_ISDIR(),
          lambda: _stat.S_ISDIR(x=1), lambda: _stat.filemode(1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
