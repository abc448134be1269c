# print with sep, end, file, flush
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -> ", end=" <END>\n")
print(1, 2.5, None, True, [1], sep="|")
print("no newline", end="")
print(" ...continued")
print(*range(5), sep=", ")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print("x", sep=None, end=None)
print("multi\nline\tstring")
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc")
print("", n)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("captured", 42, sep="+", file=c)
print(c.parts)
import io
buf = io.StringIO()
print("into buffer", file=buf)
print(repr(buf.getvalue()))
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
print("ünïcödé ✓ 中文")
print(str(print), print.__name__)
