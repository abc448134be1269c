# contextlib.redirect_stdout / redirect_stderr, nested; tracebacks go to sys.stderr
import io
import sys
from contextlib import redirect_stderr, redirect_stdout

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("inside")
    inner = io.StringIO()
    with redirect_stdout(inner):
        print("nested")
    print("back to outer")
print(target is buf, repr(buf.getvalue()), repr(inner.getvalue()))

err = io.StringIO()
with redirect_stderr(err):
    print("to err", file=sys.stderr)
    sys.stderr.write("direct\n")
print(repr(err.getvalue()))

# print(file=None) uses the current sys.stdout
buf2 = io.StringIO()
old = sys.stdout
sys.stdout = buf2
print("via None", file=None)
sys.stdout = old
print(repr(buf2.getvalue()))

# the traceback of an uncaught exception goes to the current sys.stderr
class Tee:
    def write(self, s):
        sys.__stdout__.write(s.upper())

    def flush(self):
        pass


sys.stderr = Tee()
print("before the error")
raise ValueError("reported through sys.stderr")
