# An uncaught exception: traceback first, then atexit handlers; a failing handler
# prints "Exception ignored in atexit callback" and the others still run.
import atexit


class Named:
    def __call__(self):
        raise ValueError("handler failed")

    def __repr__(self):
        return "<Named handler>"


atexit.register(print, "last handler")
atexit.register(Named())
atexit.register(print, "first handler")


def fail():
    return {}["missing"]


fail()
