# CPython's tempfile and shutil over posix: a temporary directory with files and a tree,
# copy/move/rmtree, NamedTemporaryFile, mkstemp, glob, fnmatch, pathlib basics; nothing of
# the random names or absolute paths reaches the output.
import fnmatch
import glob
import os
import pathlib
import shutil
import tempfile

with tempfile.TemporaryDirectory(prefix="pylift-") as d:
    print(os.path.isdir(d), os.path.basename(d).startswith("pylift-"), os.path.dirname(d) == tempfile.gettempdir())
    for name in ["a.txt", "b.txt", "c.log"]:
        with open(os.path.join(d, name), "w") as f:
            f.write(name * 3)
    os.makedirs(os.path.join(d, "sub", "deep"))
    with open(os.path.join(d, "sub", "deep", "x.txt"), "w") as f:
        f.write("deep")
    print(sorted(os.listdir(d)))
    print(sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "*.txt"))))
    print(sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "**", "*.txt"), recursive=True)))
    print(fnmatch.filter(sorted(os.listdir(d)), "*.t?t"), fnmatch.fnmatch("x.LOG", "*.log"))
    shutil.copy(os.path.join(d, "a.txt"), os.path.join(d, "a2.txt"))
    shutil.copyfile(os.path.join(d, "b.txt"), os.path.join(d, "b2.txt"))
    shutil.copytree(os.path.join(d, "sub"), os.path.join(d, "sub2"))
    shutil.move(os.path.join(d, "c.log"), os.path.join(d, "sub2", "c.log"))
    walked = [(os.path.relpath(r, d), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(d)]
    print(sorted(walked))
    with open(os.path.join(d, "a2.txt")) as f:
        print(f.read())
    shutil.rmtree(os.path.join(d, "sub"))
    print(sorted(os.listdir(d)), os.path.exists(os.path.join(d, "sub")))
    print(shutil.disk_usage(d).total > 0, shutil.which("sh") is not None, shutil.get_terminal_size((81, 25)))

    fd, path = tempfile.mkstemp(suffix=".dat", dir=d)
    os.write(fd, b"raw bytes")
    os.close(fd)
    print(os.path.basename(path).endswith(".dat"), os.path.getsize(path))
    with tempfile.NamedTemporaryFile("w+", dir=d, suffix=".tmp", delete=True) as nt:
        nt.write("named")
        nt.flush()
        print(os.path.exists(nt.name), os.path.getsize(nt.name))
    print(os.path.exists(nt.name))
    sub = tempfile.mkdtemp(dir=d)
    print(os.path.isdir(sub), oct(os.stat(sub).st_mode & 0o777))

    p = pathlib.Path(d) / "sub2"
    print(p.name, p.suffix, p.is_dir(), sorted(q.name for q in p.iterdir()))
    (p / "new.txt").write_text("hello path")
    print((p / "new.txt").read_text(), (p / "new.txt").stat().st_size, pathlib.PurePosixPath("/a/b/c.tar.gz").suffixes)
    print(sorted(str(q.relative_to(d)) for q in pathlib.Path(d).rglob("*.txt")))
print(os.path.exists(d))
