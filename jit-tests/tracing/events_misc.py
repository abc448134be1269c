# Exact event streams for generators, nested exceptions, local trace functions,
# f_trace_lines, frame.f_trace set by hand, settrace inside a traced call.
import sys


def show(frame, event, arg):
    if event == "exception":
        arg = arg[0].__name__
    print(f"{event:9} {frame.f_code.co_name:8} {frame.f_lineno} {arg!r}")
    return show


def gen(n):
    x = yield n
    yield from range(2)
    return x


def thrower():
    it = gen(1)
    next(it)
    try:
        it.throw(KeyError("k"))
    except KeyError:
        pass
    it = gen(5)
    next(it)
    it.close()


def reraiser():
    try:
        try:
            raise ValueError("v")
        except ValueError:
            raise
    except ValueError as e:
        return str(e)


def loop_with_else():
    for i in range(2):
        pass
    else:
        i = -1
    return i


sys.settrace(show)
for v in gen(1):
    pass
thrower()
reraiser()
loop_with_else()
sys.settrace(None)
print("--- only calls: local tracer None")


def calls_only(frame, event, arg):
    print(event, frame.f_code.co_name)
    return None


sys.settrace(calls_only)
loop_with_else()
reraiser()
sys.settrace(None)
print("--- f_trace_lines False")


def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    print(event, frame.f_code.co_name, frame.f_lineno)
    return no_lines


sys.settrace(no_lines)
loop_with_else()
sys.settrace(None)
print("--- frame.f_trace set on the running frame")


def local(frame, event, arg):
    print("local", event, frame.f_lineno)
    return local


def manual():
    f = sys._getframe()
    f.f_trace = local
    sys.settrace(lambda *a: None)
    x = 1
    y = 2
    sys.settrace(None)
    return x + y


manual()
print(sys.gettrace())
