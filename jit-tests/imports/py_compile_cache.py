# py_compile and compileall write .pyc files the import system then uses: timestamp-based
# and hash-based (checked: a changed source is recompiled; unchecked: trusted until
# --check-hash-based-pycs always), and compileall skips files already up to date.
import compileall
import importlib.util
import os
import py_compile
import subprocess
import sys
import tempfile

TAG = sys.implementation.cache_tag
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def who(tmp, *flags):
    prog = f"import sys; sys.path.insert(0, {tmp!r}); import mod_pc; print(mod_pc.WHO)"
    p = subprocess.run([sys.executable, *flags, "-c", prog], capture_output=True, text=True, env=ENV)
    return p.stdout.strip() or p.stderr


def write(path, text, mtime=1_000_000_000):
    with open(path, "w") as f:
        f.write(text)
    os.utime(path, (mtime, mtime))


with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "mod_pc.py")
    other = os.path.join(tmp, "other.py")
    write(src, "WHO = 'source'\n")
    write(other, "WHO = 'others'\n")
    cfile = importlib.util.cache_from_source(src)

    # Timestamp-based: the .pyc of another source with the same mtime and size is used.
    print(os.path.relpath(py_compile.compile(src), tmp).replace(TAG, "TAG"))
    with open(cfile, "rb") as f:
        data = f.read()
    print(data[:4] == importlib.util.MAGIC_NUMBER, data[4:8], int.from_bytes(data[8:12], "little"),
          int.from_bytes(data[12:16], "little"))
    print(who(tmp))
    py_compile.compile(other, cfile=cfile)
    print(who(tmp))

    # Hash-based, checked: the source's hash decides, whatever its mtime.
    mode = py_compile.PycInvalidationMode
    py_compile.compile(other, cfile=cfile, invalidation_mode=mode.CHECKED_HASH)
    print(who(tmp))
    with open(cfile, "rb") as f:
        print("still hash-based:", f.read()[4:8])
    write(src, "WHO = 'edited'\n")
    py_compile.compile(src, cfile=cfile, invalidation_mode=mode.CHECKED_HASH)
    print(who(tmp))

    # Hash-based, unchecked: trusted, unless --check-hash-based-pycs always.
    py_compile.compile(other, cfile=cfile, invalidation_mode=mode.UNCHECKED_HASH)
    print(who(tmp), who(tmp, "--check-hash-based-pycs", "never"))
    print(who(tmp, "--check-hash-based-pycs", "always"))
    with open(cfile, "rb") as f:
        print("rewritten as:", f.read()[4:8])

    # compileall: every module of a tree, then nothing left to do.
    pkg = os.path.join(tmp, "pkg")
    os.mkdir(pkg)
    for name in ["__init__", "a", "b"]:
        write(os.path.join(pkg, name + ".py"), f"NAME = {name!r}\n")
    print(compileall.compile_dir(pkg, quiet=1))
    print(sorted(f.replace(TAG, "TAG") for f in os.listdir(os.path.join(pkg, "__pycache__"))))
    before = {f: os.stat(os.path.join(pkg, "__pycache__", f)).st_mtime_ns
              for f in os.listdir(os.path.join(pkg, "__pycache__"))}
    print(compileall.compile_dir(pkg, quiet=1))
    after = {f: os.stat(os.path.join(pkg, "__pycache__", f)).st_mtime_ns
             for f in os.listdir(os.path.join(pkg, "__pycache__"))}
    print("untouched:", before == after)
    p = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {tmp!r}); "
                        "import pkg.a, pkg.b; print(pkg.NAME, pkg.a.NAME, pkg.b.NAME)"],
                       capture_output=True, text=True, env=ENV)
    print(p.stdout, end="")
