# open(): text and binary, read/write, context manager
import os
path = "/tmp/pylift_golden_open_files_%d.txt" % os.getpid()  # pid: modes may run in parallel
with open(path, "w") as f:
    n = f.write("line one\n")
    f.write("line two\nline three\n")
    print(n, f.closed, f.name == path, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("appended\n")
with open(path) as f:
    lines = f.read().splitlines()
print(lines)
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(path, "rb") as f:
    data = f.read()
print(data, type(data).__name__, len(data))
with open(path, "rb") as f:
    print(f.read(3), f.read(2), f.read())
with open(path, "w", encoding="utf-8") as f:
    f.write("ünïcödé €\n")
with open(path, encoding="utf-8") as f:
    print(f.read().strip())
with open(path, "rb") as f:
    print(f.read())
f = open(path)
print(f.read(4))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(path, "w") as f:
    print("via print", 1, 2, file=f)
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    print(f.read().split("\n"))
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename == path)
