# f_trace_opcodes: a tracer counting events per line (opcode events as CPython counts them).
import sys

counts = {}


def tr(frame, event, arg):
    frame.f_trace_opcodes = True
    if frame.f_code.co_name != "<module>":
        key = (frame.f_code.co_name, frame.f_lineno or 0, event)
        counts[key] = counts.get(key, 0) + 1
    return tr


class C:
    def m(self, x):
        return x


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def g(*a, **k):
    return a


def deco(fn):
    return fn


def f(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    while n > 0:
        n -= 1
    c = C()
    c.m(1)
    g(1, 2, k=3)
    g(*[1], **{'a': 2})
    a = [1, 2]
    kw = {"z": 1}
    g(*a)
    g(*a, **kw)
    g(n, *a)
    g(**kw)
    g(n, **kw)
    fn = g
    fn(1)
    fn(*a)
    x = [i for i in range(2)]
    d = {'a': 1, 'b': [1, 2]}
    d['a'] = d['b'][0]
    s = f"{n}x{total!r}"
    a, b = 1, 2
    if a < b and b > 0:
        pass
    try:
        1/0
    except ZeroDivisionError as e:
        pass
    with Ctx() as cm:
        pass
    while True:
        n += 1
        if n > 2:
            break

    @deco
    def inner():
        return n
    lam = lambda y: y
    return total


sys.settrace(tr)
f(3)
sys.settrace(None)
for k, v in sorted(counts.items()):
    print(k, v)
