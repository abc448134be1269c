# try/except/else/finally, with, loops: every exit path
def f(kind):
    log = []
    try:
        log.append("try")
        if kind == 1:
            raise ValueError("v")
        if kind == 2:
            return log + ["returned"]
        if kind == 3:
            raise KeyError("k")
    except ValueError as e:
        log.append("except " + str(e))
    except (KeyError, IndexError):
        log.append("except tuple")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in range(4):
    print(k, f(k))

def loop_flow():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    else:
        out.append("no-break")
    return out
print(loop_flow())

def while_else(n):
    i = 0
    while i < n:
        i += 1
        if i == 10:
            break
    else:
        return "completed %d" % i
    return "broke %d" % i
print(while_else(3), while_else(20))

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def finally_break():
    for i in range(3):
        try:
            raise RuntimeError("swallowed")
        finally:
            break
    return "after %d" % i
print(finally_break())

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppress")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

def with_return():
    with CM("r"):
        return "from with"
print(with_return())

def nested_handlers():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("inner")
    except ValueError as e:
        return repr(e), repr(e.__context__)
print(nested_handlers())

def exc_var_cleared():
    e = "before"
    try:
        raise TypeError("t")
    except TypeError as e:
        pass
    try:
        return e
    except NameError:
        return "e was deleted"
print(exc_var_cleared())

def reraise():
    try:
        try:
            raise IndexError("orig")
        except IndexError:
            raise
    except IndexError as e:
        return "reraised " + str(e)
print(reraise())

def raise_from():
    try:
        try:
            raise KeyError("a")
        except KeyError as e:
            raise RuntimeError("b") from e
    except RuntimeError as e:
        return repr(e.__cause__), e.__suppress_context__
print(raise_from())

for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("pair", i, j)
    else:
        print("never")
    if i == 1:
        continue
    print("end", i)

x = 5
assert x == 5, "fine"
try:
    assert x > 10, "x too small: %d" % x
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
