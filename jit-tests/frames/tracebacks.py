# Traceback objects: tb_frame, tb_lineno, tb_lasti, tb_next (settable), TracebackType.
import sys
import types


def a():
    b()


def b():
    raise ValueError("deep")


try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    t = tb
    while t is not None:
        names.append((t.tb_frame.f_code.co_name, t.tb_lineno, t.tb_lasti >= 0))
        t = t.tb_next
    print(names)
    print(type(tb) is types.TracebackType)
    print(sys.exc_info()[2] is tb)
    tb.tb_next = None
    print(tb.tb_next)
    try:
        tb.tb_next = 5
    except TypeError as e2:
        print("TypeError:", e2)
    try:
        tb.tb_next = tb
    except ValueError as e2:
        print("ValueError:", e2)
    try:
        del tb.tb_next
    except TypeError as e2:
        print("TypeError:", e2)
    new = types.TracebackType(None, sys._getframe(), 0, 42)
    print(new.tb_lineno, new.tb_next, new.tb_frame is sys._getframe())
    e.__traceback__ = new
    print(e.__traceback__.tb_lineno)
    print(sys.exc_info()[2] is new)

print(sys.exc_info())


def finished():
    return sys._getframe()


fr = finished()
print(fr.f_code.co_name, fr.f_back.f_code.co_name)
