# A hook that raises: "Error in sys.excepthook:", its traceback, then the original.
import sys


def hook(t, v, tb):
    raise RuntimeError("hook broke")


sys.excepthook = hook
1 / 0
