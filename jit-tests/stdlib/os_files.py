# CPython's own os.py over the native posix module: files, directories, stat, scandir,
# raw fds, environ, errors with errno and filename; all under a private scratch dir.
import os
import stat
import sys

base = os.path.join("/tmp", "pylift-os-files-%d" % os.getpid())
os.mkdir(base)
try:
    print(os.name, os.sep, os.curdir, os.pardir, os.pathsep, os.linesep == "\n", os.devnull)
    print(os.path is sys.modules["posixpath"], "posix" in sys.builtin_module_names)
    f = os.path.join(base, "a.txt")
    with open(f, "w") as fh:
        fh.write("hello\n")
    st = os.stat(f)
    print(type(st).__name__, len(st), st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print(isinstance(st.st_mtime, float), isinstance(st[stat.ST_MTIME], int), st.st_mtime_ns // 10**9 == st[8])
    print(stat.filemode(os.stat(base).st_mode)[0], st.n_sequence_fields, st.n_fields)
    print(os.path.getsize(f), os.path.isfile(f), os.path.isdir(base), os.path.exists(f + "x"))

    # raw descriptors
    fd = os.open(os.path.join(base, "b.bin"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    print(os.write(fd, b"abc"), os.write(fd, bytearray(b"def")))
    print(stat.S_IMODE(os.fstat(fd).st_mode) & 0o600 == 0o600)
    os.close(fd)
    fd = os.open(os.path.join(base, "b.bin"), os.O_RDONLY)
    print(os.read(fd, 4), os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
    os.close(fd)
    try:
        os.open(os.path.join(base, "b.bin"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.strerror, os.path.basename(e.filename))
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)

    # directories
    os.makedirs(os.path.join(base, "d1", "d2"))
    os.makedirs(os.path.join(base, "d1", "d2"), exist_ok=True)
    try:
        os.mkdir(os.path.join(base, "d1"))
    except FileExistsError as e:
        print("mkdir twice:", e.errno)
    print(sorted(os.listdir(base)))
    print(sorted(os.listdir(os.fsencode(base))))
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(base, e.name),
              os.fspath(e) == e.path, e.stat().st_size if e.is_file() else "-", repr(e))
    os.symlink("a.txt", os.path.join(base, "link"))
    print(os.readlink(os.path.join(base, "link")), os.path.islink(os.path.join(base, "link")))
    print([(e.name, e.is_symlink(), e.is_file(), e.is_file(follow_symlinks=False))
           for e in os.scandir(base) if e.name == "link"])
    print(os.lstat(os.path.join(base, "link")).st_mode != os.stat(os.path.join(base, "link")).st_mode)

    walked = []
    for root, dirs, files in os.walk(base):
        dirs.sort()
        walked.append((os.path.relpath(root, base), sorted(dirs), sorted(files)))
    print(walked)

    os.rename(f, os.path.join(base, "c.txt"))
    os.replace(os.path.join(base, "c.txt"), os.path.join(base, "d1", "c.txt"))
    print(sorted(os.listdir(os.path.join(base, "d1"))))
    os.chmod(os.path.join(base, "d1", "c.txt"), 0o640)
    print(oct(stat.S_IMODE(os.stat(os.path.join(base, "d1", "c.txt")).st_mode)))
    os.utime(os.path.join(base, "d1", "c.txt"), (1000000000, 1200000000))
    st = os.stat(os.path.join(base, "d1", "c.txt"))
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    os.utime(os.path.join(base, "d1", "c.txt"), ns=(5, 1500000000123456789))
    print(os.stat(os.path.join(base, "d1", "c.txt")).st_mtime_ns)
    print(os.access(base, os.F_OK), os.access(os.path.join(base, "nope"), os.F_OK))

    # errors carry errno and the filename object as given
    for fn, args in [(os.stat, ("nope",)), (os.rmdir, (os.path.join(base, "d1"),)),
                     (os.unlink, (os.path.join(base, "d1"),)), (os.listdir, (os.path.join(base, "b.bin"),)),
                     (os.rename, ("nope1", "nope2"))]:
        try:
            fn(*args)
        except OSError as e:
            name = e.filename if not os.path.isabs(e.filename) else os.path.relpath(e.filename, base)
            print(fn.__name__, type(e).__name__, e.errno, e.strerror, name, e.filename2)
    try:
        os.stat(3.5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        os.stat("a\0b")
    except ValueError as e:
        print("ValueError:", e)

    class P:
        def __fspath__(self):
            return base
    print(os.path.isdir(P()), os.fspath(P()) == base, os.stat(P()).st_mode == os.stat(base).st_mode)

    cwd = os.getcwd()
    os.chdir(base)
    print(os.path.basename(os.getcwd()) == os.path.basename(base), os.getcwdb() == os.fsencode(os.getcwd()))
    os.chdir(cwd)
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for n in files:
            os.unlink(os.path.join(root, n))
        for n in dirs:
            p = os.path.join(root, n)
            os.unlink(p) if os.path.islink(p) else os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))

# environ: str view over bytes, changes reach the process
os.environ["PYLIFT_TEST_VAR"] = "v1"
print(os.environ["PYLIFT_TEST_VAR"], os.getenv("PYLIFT_TEST_VAR"), os.environb[b"PYLIFT_TEST_VAR"])
print(os.system("test \"$PYLIFT_TEST_VAR\" = v1"))
del os.environ["PYLIFT_TEST_VAR"]
print(os.environ.get("PYLIFT_TEST_VAR"), "PYLIFT_TEST_VAR" in os.environ)
print(len(os.urandom(16)), type(os.getpid()).__name__, os.getuid() == os.geteuid(), os.strerror(13))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(type(os.uname()).__name__, len(os.uname()), os.uname().sysname)
print(os.path.join("a", "b", "/c"), os.path.split("/x/y/z.txt"), os.path.splitext("arch.tar.gz"),
      os.path.normpath("a//b/../c/."), os.path.commonprefix(["abc", "abd"]), os.path.expanduser("x"))
