# sys._getframe: frame objects, their code, back links, live line numbers and locals.
import sys
import types


def describe(f):
    c = f.f_code
    return f"{c.co_name} {c.co_qualname} line {f.f_lineno} first {c.co_firstlineno}"


def inner(a, b=2, *rest, k=1, **kw):
    local = a + b
    f = sys._getframe()
    print(describe(f))
    print(describe(f.f_back))
    print(describe(sys._getframe(1)))
    c = f.f_code
    print(c.co_varnames, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals)
    print(sorted(f.f_locals))
    print(f.f_locals["local"], f.f_globals is globals(), f.f_builtins["len"] is len)
    print(type(f) is types.FrameType, isinstance(f, types.FrameType))
    print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    print(c.co_filename.endswith("getframe.py"))
    return f


def outer():
    return inner(1)


f = outer()
print("finished:", f.f_code.co_name, f.f_lineno, sorted(f.f_locals))
print("f_back of finished:", f.f_back.f_code.co_name)
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_locals is globals())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)


def live():
    me = sys._getframe()
    first = me.f_lineno
    second = me.f_lineno
    return second - first


print("live lineno delta:", live())


class Body:
    ns = sys._getframe().f_locals
    x = 1
    print("class body:", sys._getframe().f_code.co_name, sorted(k for k in ns if not k.startswith("__")))


def locals_snapshot():
    x = 1
    f = sys._getframe()
    d1 = f.f_locals
    y = 2
    d2 = f.f_locals
    del x
    d3 = f.f_locals
    return d1 is d2, sorted(d3)


print(locals_snapshot())


def closure():
    v = 10

    def get():
        return sys._getframe().f_locals

    return get()


print(closure())


def running_clear():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError:", e)


running_clear()
f.clear()
print("cleared locals:", f.f_locals)


def gen():
    yield sys._getframe()
    yield 2


g = gen()
gf = next(g)
print("gen frame:", gf.f_code.co_name, gf.f_lineno, gf.f_back)
print(g.gi_frame is gf)
