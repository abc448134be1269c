# A replaced sys.excepthook gets (type, value, traceback) of the uncaught exception.
import sys

print(sys.excepthook is sys.__excepthook__)


def hook(t, v, tb):
    print("hook:", t.__name__, v, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    print("last_value is v:", sys.last_value is v)


sys.excepthook = hook
sys.__excepthook__(ValueError, ValueError("direct call"), None)
raise KeyError("k")
