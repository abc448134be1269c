# try/except/else/finally flows
def f(x):
    log = []
    try:
        log.append("try")
        if x == 1:
            raise ValueError("v")
        if x == 2:
            raise KeyError("k")
        if x == 3:
            return log + ["returned"]
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for x in range(4):
    print(x, f(x))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    for i in range(3):
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(finally_swallows())
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("inner caught")
            raise
        finally:
            print("inner finally")
    except ArithmeticError as e:
        print("outer caught", type(e).__name__)
nested()
try:
    pass
except Exception:
    print("no")
else:
    print("else runs without exception")
e_var = "before"
try:
    raise TypeError("t")
except TypeError as e_var:
    print("caught", e_var)
print("e_var" in dir())
try:
    try:
        raise ValueError("original")
    finally:
        print("cleanup")
except ValueError as e:
    print("after finally:", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
try:
    raise Exception("a", 1, None)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
