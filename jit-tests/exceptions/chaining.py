# raise from, implicit chaining, __cause__, __context__, __suppress_context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise OSError("io")
    except OSError:
        raise LookupError("nope") from None
except LookupError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise IndexError("x") from KeyError("y")
except IndexError as e:
    print(repr(e.__cause__), e.__context__)
def reraise():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as inner:
            print("inner context", repr(inner.__context__))
        raise
try:
    reraise()
except ValueError as e:
    print("reraised", repr(e), e.__context__)
try:
    raise ValueError("with tb")
except ValueError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
try:
    raise TypeError("bad") from 5
except TypeError as e:
    print("TypeError:", e)
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print(e is err)
import sys
try:
    raise KeyError("info")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb is not None, repr(sys.exception()) if hasattr(sys, "exception") else repr(ev))
print(sys.exc_info())
