# sys.std*.buffer: one object per stream, CPython's reprs, and the order of text and
# binary writes (text pends in the TextIOWrapper until flushed; buffer writes go ahead).
import sys

b = sys.stdout.buffer
print(b is sys.stdout.buffer, sys.stdin.buffer is sys.stdin.buffer, sys.stderr.buffer is sys.stderr.buffer)
print(repr(b), repr(sys.stdin.buffer), repr(sys.stderr.buffer))
print(type(b).__name__, type(sys.stdin.buffer).__name__, b.name, b.mode)
sys.stdout.write("text1\n")
b.write(b"bytes1\n")
print("text2")
sys.stdout.flush()
b.write(b"bytes2\n")
b.flush()
print("text3", flush=True)
print(b.writable(), b.readable(), b.fileno(), b.closed)
b.write(b"bytes3\n")
print("text4")
sys.stdout.write("x" * 9000 + "\n")
b.write(b"bytes4\n")
sys.__stdout__.buffer.write(b"bytes5\n")
print("end")
