# A call-graph profiler with sys.setprofile: call/return/c_call/c_return/c_exception.
import sys

edges = {}
stack = ["<top>"]
log = []


def prof(frame, event, arg):
    if event == "call":
        name = frame.f_code.co_name
        edges[(stack[-1], name)] = edges.get((stack[-1], name), 0) + 1
        stack.append(name)
    elif event == "return":
        stack.pop()
    elif event in ("c_call", "c_return", "c_exception"):
        log.append(f"{event} {arg.__name__} in {frame.f_code.co_name}")


def leaf(x):
    return abs(x) + len([x])


def mid(n):
    return [leaf(i) for i in range(n)]


def top():
    mid(2)
    mid(1)
    try:
        int("x")
    except ValueError:
        pass
    "a,b".split(",")
    d = {}
    d.get(1)
    return max(1, 2)


sys.setprofile(prof)
top()
sys.setprofile(None)
for (a, b), n in sorted(edges.items()):
    print(f"{a} -> {b}: {n}")
for line in log:
    print(line)
print(sys.getprofile())
