# A call-graph profiler (setprofile): Python and C calls, including f(*args), f(**kw)
# and keyword calls of builtins, as CPython reports them.
import sys

edges = {}
stack = ["<top>"]
log = []


def name_of(frame, event, arg):
    if event.startswith("c_"):
        return getattr(arg, "__qualname__", repr(arg))
    return frame.f_code.co_name


def prof(frame, event, arg):
    n = name_of(frame, event, arg)
    if event in ("call", "c_call"):
        key = (stack[-1], n)
        edges[key] = edges.get(key, 0) + 1
        stack.append(n)
    elif event in ("return", "c_return", "c_exception"):
        stack.pop()
    log.append((event, n))


def helper(*args, **kw):
    return len(args) + len(kw)


def work():
    a = [3, 1, 2]
    kw = {"key": None, "reverse": True}
    sorted(*[a])
    sorted(a, **kw)
    sorted(a, reverse=True)
    max(*a)
    print(*a, sep="-")
    d = dict(**kw)
    a.sort(**kw)
    "x".join(*[["a", "b"]])
    try:
        int(*["z"])
    except ValueError:
        pass
    try:
        divmod(*[1, 0])
    except ZeroDivisionError:
        pass
    f = len
    f(*[a])
    g = a.append
    g(*[4])
    list.append(a, 5)
    list.append(*[a, 6])
    helper(*a, **kw)
    helper(1, x=2)
    return sum(a, start=1)


sys.setprofile(prof)
work()
sys.setprofile(None)
for e in log:
    print(e)
for k, v in sorted(edges.items()):
    print(k, v)
