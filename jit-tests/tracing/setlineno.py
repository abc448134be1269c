# Setting frame.f_lineno from a trace function: legal jumps and CPython's ValueErrors.
import sys

def make_tracer(src_line, dst_line, event_filter="line"):
    state = {"done": False}
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "<module>" or frame.f_code.co_name.startswith("make"):
            return tracer
        base = frame.f_code.co_firstlineno
        if event == event_filter and not state["done"] and frame.f_lineno == base + src_line:
            state["done"] = True
            try:
                frame.f_lineno = base + dst_line
                print("  jumped", src_line, "->", dst_line)
            except ValueError as e:
                print("  ValueError:", e)
        return tracer
    return tracer

def run(fn, src, dst, event="line"):
    print(fn.__name__, src, dst)
    sys.settrace(make_tracer(src, dst, event))
    try:
        r = fn()
    except Exception as e:
        r = type(e).__name__
    sys.settrace(None)
    print("  result", r)

def forward():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out

def backward():
    out = []
    out.append(1)
    out.append(2)
    if len(out) < 5:
        out.append(3)
    return out

def loop():
    out = []
    for i in range(3):
        out.append(i)
        out.append(-i)
    out.append("end")
    return out

def into_loop():
    out = []
    out.append(0)
    for i in range(3):
        out.append(i)
    return out

def try_except():
    out = []
    try:
        out.append(1)
        1 / 0
    except ZeroDivisionError:
        out.append(2)
        out.append(3)
    out.append(4)
    return out

def with_block():
    out = []
    class C:
        def __enter__(self): return self
        def __exit__(self, *a): out.append("exit")
    with C():
        out.append(1)
        out.append(2)
    out.append(3)
    return out

def while_loop():
    out = []
    n = 0
    while n < 3:
        n += 1
        out.append(n)
    out.append("x")
    return out

run(forward, 2, 4)
run(forward, 3, 2)
run(forward, 2, 100)
run(forward, 2, -5)
run(forward, 2, 0)
run(backward, 5, 2)
run(loop, 3, 5)
run(loop, 3, 4)
run(loop, 4, 1)
run(loop, 5, 3)
run(into_loop, 2, 4)
run(try_except, 3, 6)
run(try_except, 6, 8)
run(try_except, 6, 3)
run(try_except, 2, 6)
run(with_block, 6, 8)
run(with_block, 6, 7)
run(with_block, 2, 6)
run(while_loop, 4, 6)
run(while_loop, 5, 3)
run(forward, 2, 4, "call")
run(forward, 2, 4, "return")
run(try_except, 4, 6, "exception")

def set_outside():
    f = sys._getframe()
    try:
        f.f_lineno = 3
    except ValueError as e:
        print("outside:", e)
    try:
        f.f_lineno = "x"
    except ValueError as e:
        print("str:", e)
set_outside()

def show_lineno_after():
    def tracer(frame, event, arg):
        if event == "line" and frame.f_code.co_name == "target" and frame.f_lineno == frame.f_code.co_firstlineno + 1:
            frame.f_lineno = frame.f_code.co_firstlineno + 3
            print("after set:", frame.f_lineno - frame.f_code.co_firstlineno)
        return tracer
    def target():
        a = 1
        a = 2
        a = 3
        return a
    sys.settrace(tracer)
    r = target()
    sys.settrace(None)
    print("target", r)
show_lineno_after()

def gen():
    yield 1
    yield 2
    yield 3
    yield 4

def gen_tracer(frame, event, arg):
    if frame.f_code.co_name == "gen" and event == "line" and frame.f_lineno == frame.f_code.co_firstlineno + 2:
        try:
            frame.f_lineno = frame.f_code.co_firstlineno + 4
        except ValueError as e:
            print("gen:", e)
    return gen_tracer
sys.settrace(gen_tracer)
print("gen", list(gen()))
sys.settrace(None)

def nested():
    out = []
    for i in range(2):
        for j in range(2):
            out.append((i, j))
            out.append("inner")
        out.append("outer")
    out.append("done")
    return out
run(nested, 4, 7)
run(nested, 4, 6)
run(nested, 6, 4)

def in_handler():
    out = []
    try:
        raise KeyError
    except KeyError:
        out.append(1)
        out.append(2)
        out.append(3)
    out.append(sys.exception())
    return out
run(in_handler, 5, 7)
run(in_handler, 5, 8)
run(in_handler, 5, 2)

def with_finally():
    out = []
    try:
        out.append(1)
        out.append(2)
    finally:
        out.append(3)
        out.append(4)
    return out
run(with_finally, 3, 4)
run(with_finally, 6, 7)
run(with_finally, 3, 6)
