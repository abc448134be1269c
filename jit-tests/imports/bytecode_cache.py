# The bytecode cache: an imported module's .pyc is written next to it (in __pycache__),
# named by sys.implementation.cache_tag, and used by the next process; a stale, truncated
# or garbage .pyc is ignored (never a crash, never different behaviour); -B,
# PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode, -O/-OO and pycache_prefix as CPython.
# Every run works in its own temporary directory (the golden harness runs three at once).
import os
import subprocess
import sys
import tempfile

TAG = sys.implementation.cache_tag

MODULE = '''\
"""The cached module's docstring."""
import sys

INTS = (0, 1, -5, 256, 257, -2**31, 2**31 - 1, 2**31, 2**63, -2**63 - 1, 10**40, -(10**40))
FLOATS = (0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float("inf"), 1e400, -1e400)
COMPLEX = (1j, -0.0j, 2.5 + 3j, 1e300j)
STRS = ("", "a", "name_like", "with space", "é", "日本語", "\\U0001f600", "x" * 300)
BYTES = (b"", b"\\x00\\xff", b"abc" * 100)
NESTED = ((1, (2, (3, ()))), frozenset(), None, ..., True, False)


def f(x, /, y=2, *args, z, **kw):
    "f's docstring"
    def inner():
        return x + y
    return inner() + z + len(args) + len(kw)


class C:
    """C's docstring."""
    attr = {1: "one"}

    def method(self, a):
        return [a * i for i in range(3)]


def fails(d):
    return d["key"].attribute + 1


def caught():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return type(e).__name__
    finally:
        pass


async def coro():
    return 42


def gen():
    yield from range(3)


assert __debug__, "asserts run"
'''

USER = '''\
import os, sys, importlib.util
sys.path.insert(0, sys.argv[1])
import mod_cached as m
print(m.INTS)
print(m.FLOATS, [str(x)[0] == "-" for x in m.FLOATS])
print(m.COMPLEX, m.STRS[1:], len(m.STRS[-1]), m.BYTES[:2], len(m.BYTES[2]))
print(m.NESTED, m.__doc__, m.f.__doc__, m.C.__doc__)
print(m.f(1, z=3), m.f(1, 2, 3, 4, z=5, k=6), m.C().method(2), m.C.attr)
print(m.caught(), list(m.gen()), m.coro.__code__.co_flags, m.f.__qualname__)
print(m.f.__code__.co_varnames, m.f.__code__.co_argcount, m.f.__code__.co_flags)
print(m.f.__code__.co_consts[0], m.f.__code__.co_firstlineno, m.C.method.__code__.co_qualname)
print(os.path.relpath(m.__cached__, sys.argv[1]).replace(sys.implementation.cache_tag, "TAG"))
print(m.__cached__ == importlib.util.cache_from_source(m.__file__))
print(m.__spec__.cached == m.__cached__, sys.dont_write_bytecode)
m.fails({"key": None})
'''


def run(tmp, *flags, env_extra=None, drop=("PYTHONDONTWRITEBYTECODE",)):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    p = subprocess.run([sys.executable, *flags, os.path.join(tmp, "user.py"), tmp],
                       capture_output=True, text=True, env=env)
    err = p.stderr.replace(tmp, "TMP")
    return p.returncode, p.stdout, err


def listing(tmp):
    out = []
    for dirpath, dirnames, filenames in os.walk(tmp):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".pyc"):
                rel = os.path.relpath(os.path.join(dirpath, f), tmp)
                out.append(rel.replace(TAG, "TAG"))
    return out


def pyc_path(tmp, opt=""):
    return os.path.join(tmp, "__pycache__", f"mod_cached.{TAG}{opt}.pyc")


with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(tmp, "mod_cached.py"), "w") as f:
        f.write(MODULE)
    with open(os.path.join(tmp, "user.py"), "w") as f:
        f.write(USER)

    # First run compiles and writes the .pyc; the second loads it: same output, same
    # traceback (carets included).
    code1, out1, err1 = run(tmp)
    print("first run:", code1)
    print(out1, end="")
    print(err1, end="")
    print(listing(tmp))
    code2, out2, err2 = run(tmp)
    print("cached run identical:", (code2, out2, err2) == (code1, out1, err1))
    with open(pyc_path(tmp), "rb") as f:
        data = f.read()
    print("header magic is importlib's:", data[:4] == __import__("importlib.util").util.MAGIC_NUMBER)

    # Damaged headers: each file is ignored and replaced by a good one. (A damaged body
    # fails the import in CPython; pylift checks its body too: tests/bytecode_cache.rs.)
    damages = {
        "truncated to 0": b"",
        "truncated header": data[:10],
        "garbage": bytes(range(256)) * 4,
        "bad magic": b"\x00\x00\r\n" + data[4:],
        "other mtime": data[:8] + b"\x00\x00\x00\x00" + data[12:],
    }
    for what, bad in damages.items():
        with open(pyc_path(tmp), "wb") as f:
            f.write(bad)
        r = run(tmp)
        with open(pyc_path(tmp), "rb") as f:
            rewritten = f.read()
        print(what, r == (code1, out1, err1), rewritten == data)

    # A .pyc that is a directory cannot be read or replaced: compiled each time.
    os.remove(pyc_path(tmp))
    os.mkdir(pyc_path(tmp))
    print("pyc is a directory:", run(tmp) == (code1, out1, err1))
    os.rmdir(pyc_path(tmp))

    # The source changes (another size): the stale .pyc is not used.
    with open(os.path.join(tmp, "mod_cached.py"), "a") as f:
        f.write("INTS = 'changed'\n")
    r = run(tmp)
    print("after edit:", r[1].splitlines()[0])
    with open(os.path.join(tmp, "mod_cached.py"), "w") as f:
        f.write(MODULE)

    # Not writing: -B, PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode = True.
    for label, flags, extra in [("-B", ["-B"], None),
                                ("env", [], {"PYTHONDONTWRITEBYTECODE": "1"}),
                                ("sys flag", ["-c", "import sys; sys.dont_write_bytecode = True; "
                                              "p = sys.argv[1]; sys.argv[1:] = [sys.argv[2]]; "
                                              "exec(open(p).read())"],
                                 None)]:
        for f in listing(tmp):
            os.remove(os.path.join(tmp, f.replace("TAG", TAG)))
        r = run(tmp, *flags, env_extra=extra)
        print(label, r[1].splitlines()[-1], listing(tmp))

    # -O and -OO: their own files; -OO drops docstrings, -O the assert.
    for opt in ["-O", "-OO"]:
        r = run(tmp, opt)
        print(opt, r[1].splitlines()[3], listing(tmp))
        print(opt, "cached run identical:", run(tmp, opt) == r)

    # pycache_prefix: a parallel tree under the prefix, named by the source's directory.
    for label, flags, extra in [("px", ["-X", f"pycache_prefix={tmp}/px"], None),
                                ("pe", [], {"PYTHONPYCACHEPREFIX": f"{tmp}/pe"})]:
        r = run(tmp, *flags, env_extra=extra)
        expected = os.path.join(tmp, label, tmp.lstrip("/"), f"mod_cached.{TAG}.pyc")
        print("prefix", label, r[1].splitlines()[-2:], os.path.isfile(expected))
    # A prefix that cannot be created (under a regular file): nothing written, no error.
    r = run(tmp, "-X", f"pycache_prefix={tmp}/user.py/sub")
    print("unwritable prefix:", r[0], r[1].splitlines()[-2:])

    # A valid .pyc is used without reading the source: put one module's .pyc in place of
    # another's (sources of the same size and mtime) and the other's code runs.
    for who in "ab":
        path = os.path.join(tmp, f"mod_{who}.py")
        with open(path, "w") as f:
            f.write(f"WHO = {who!r}\n")
        os.utime(path, (1_000_000_000, 1_000_000_000))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    prog = f"import sys; sys.path.insert(0, {tmp!r}); import mod_a, mod_b; print(mod_a.WHO, mod_b.WHO)"
    print(subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, env=env).stdout, end="")
    cache = os.path.join(tmp, "__pycache__")
    os.replace(os.path.join(cache, f"mod_b.{TAG}.pyc"), os.path.join(cache, f"mod_a.{TAG}.pyc"))
    print(subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, env=env).stdout, end="")

    # -m: the module run as __main__ is cached as runpy caches it; a script never is.
    with open(os.path.join(tmp, "mod_main.py"), "w") as f:
        f.write("print('running', __name__)\n")
    p = subprocess.run([sys.executable, "-m", "mod_main"], cwd=tmp, capture_output=True, text=True, env=env)
    print(p.stdout, end="")
    print([f for f in listing(tmp) if os.path.basename(f).startswith(("mod_main.", "user."))])
