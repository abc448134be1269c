# sys.stdin/stdout/stderr: reprs, attributes, buffer, redirection by assignment, ordering
import io
import sys

print(sys.stdout)
print(sys.stderr)
print(sys.stdin)
print(type(sys.stdout), type(sys.stdout).__name__, type(sys.stdout).__module__)
out = sys.stdout
print(out.encoding, out.errors, sys.stderr.errors, out.line_buffering, out.name, out.mode, sys.stdin.mode)
print(out.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), out.isatty(), sys.stdin.isatty())
print(out.writable(), out.readable(), sys.stdin.readable(), sys.stdin.writable(), out.seekable())
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(isinstance(sys.stdout, io.TextIOWrapper), sys.stdout.buffer.writable())
sys.stdout.write("written directly\n")
n = sys.stdout.write("count me\n")
print(n)
sys.stdout.buffer.write(b"through the buffer\n")
sys.stdout.buffer.write("caf\u00e9 \u2603\n".encode())
print("after buffer")
sys.stdout.writelines(["a\n", "b\n"])
sys.stdout.flush()

# assigning any object with write() redirects print
class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
sys.stdout = c
print("captured", 1, 2, sep="-", end="!\n")
print("second", flush=True)
sys.stdout = sys.__stdout__
print(c.parts)

try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.buffer.write("text")
except TypeError as e:
    print("TypeError:", e)

# stderr: written in order with stdout (stdout is flushed first)
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
print("to stdout 2")
sys.stderr.write("to stderr 2\n")
print("to stdout 3", flush=True)
