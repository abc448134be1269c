# sys.settrace / sys.setprofile switched on from inside a hot (compiled) loop: the events
# that follow are CPython's, and code compiles again once tracing is off.
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("work", "helper"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def helper(x):
    return x + 1


def work(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == n - 3:
            sys.settrace(tracer)
    sys.settrace(None)
    return total


print(work(500))
print(len(events))
for e in events:
    print(e)

calls = []


def profiler(frame, event, arg):
    if frame.f_code.co_name == "helper":
        calls.append(event)


def work2(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == n - 2:
            sys.setprofile(profiler)
    sys.setprofile(None)
    return total


print(work2(500), calls)
print(work(300), len(events))
