# A trace function that raises is removed and its error propagates.
import sys


def bad(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "victim":
        raise RuntimeError("tracer failed at line %d" % frame.f_lineno)
    return bad


def victim():
    a = 1
    return a


sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught:", e)
print("trace after:", sys.gettrace())


def badprof(frame, event, arg):
    if event == "c_call":
        raise ValueError("profiler failed on " + arg.__name__)


sys.setprofile(badprof)
try:
    len("abc")
except ValueError as e:
    print("caught:", e)
print("profile after:", sys.getprofile())


def modify(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "changed" and "x" in frame.f_locals:
        frame.f_locals["x"] = 100
    return modify


def changed():
    x = 1
    return x


sys.settrace(modify)
print("f_locals written back:", changed())
sys.settrace(None)
sys.settrace(bad)
victim()
