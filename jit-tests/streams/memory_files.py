# io.StringIO and io.BytesIO: write/read/seek/tell/truncate/getvalue/readline/iteration
import io

s = io.StringIO()
print(s.write("hello\nworld\n"), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.readline()), s.tell(), repr(s.read()), repr(s.read()))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(0, 2)
s.write("+end")
print(repr(s.getvalue()))
print(list(io.StringIO("a\nb\nc")), io.StringIO("x\ny\n").readlines())
t = io.StringIO("caf\u00e9\u2603!")
print(t.read(4), t.tell(), t.read(), t.tell())
t.seek(3)
print(repr(t.read(1)))
t = io.StringIO("line1\nline2\n")
t.readline()
t.write("LINE2")
print(repr(t.getvalue()))
try:
    t.seek(1, 1)
except OSError as e:
    print("OSError:", e)
try:
    t.seek(-1)
except ValueError as e:
    print("ValueError:", e)
print(s.readable(), s.writable(), s.seekable(), s.closed)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print("ValueError:", e)
try:
    s.write("x")
except ValueError as e:
    print("ValueError:", e)
with io.StringIO("ctx") as u:
    print(u.read())
print(u.closed)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.getvalue())
b.seek(0, 2)
b.write(b"!")
print(b.getvalue(), b.tell())
b.seek(-3, 2)
print(b.read(), b.seek(1), b.read(2))
b.seek(10)
b.write(b"Z")
print(b.getvalue())
print(b.truncate(3), b.getvalue(), b.tell())
print(list(io.BytesIO(b"1\n2\n3")))
try:
    b.write("str")
except TypeError as e:
    print("TypeError:", e)
