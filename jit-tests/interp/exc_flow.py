# exceptions: chaining attributes, finally/return, with, raise errors, argument binding
import sys
def f():
    try:
        1/0
    except ZeroDivisionError as e:
        try:
            raise ValueError("v") from e
        except ValueError as v:
            print(v.__cause__ is e, v.__context__ is e, v.__suppress_context__)
    try:
        try:
            raise KeyError(1)
        finally:
            print("fin", sys.exc_info()[0].__name__)
    except KeyError as k:
        print("k", repr(k), k.__traceback__.tb_lineno, k.__traceback__.tb_frame.f_code.co_name)
    print(sys.exc_info())
f()
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def w():
    class CM:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None); return True
    with CM() as c:
        raise ValueError
    print("after with")
    with CM():
        pass
w()
try:
    raise Exception("a", 1)
except Exception as e:
    print(e.args, str(e))
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1; tb = tb.tb_next
    print("tb entries", n)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("recursion", e)
def kw(a, /, b, *, c=3, **k):
    return a, b, c, k
print(kw(1, 2), kw(1, b=2, c=4, d=5))
for call in ["kw()", "kw(1, 2, 3)", "kw(a=1, b=2)"]:
    try:
        eval(call)
    except TypeError as e:
        print(e)
except_count = 0
for i in range(3):
    try:
        raise IndexError(i)
    except (KeyError, IndexError) as e:
        except_count += 1
print(except_count)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 3
except TypeError as e:
    print(e)
class E(Exception):
    def __init__(self, x):
        super().__init__(x)
        self.x = x
try:
    raise E
except TypeError as e:
    print(e)
print(sys.exc_info())
