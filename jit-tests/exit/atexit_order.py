# atexit: LIFO order, args/kwargs, register returns the function, unregister,
# _ncallbacks, _run_exitfuncs, _clear; handlers run after sys.exit(code).
import atexit
import sys


def say(*args, **kwargs):
    print("say", args, sorted(kwargs.items()))


n0 = atexit._ncallbacks()


@atexit.register
def decorated():
    print("decorated (registered first, runs last)")


r = atexit.register(say, 1, 2, key="v")
print(r is say)
atexit.register(say, "second")
atexit.register(print, "print registered directly")


def gone():
    print("never printed")


atexit.register(gone)
atexit.register(gone)
print(atexit._ncallbacks() - n0)
atexit.unregister(gone)
# CPython counts unregistered slots until the next run.
print(atexit._ncallbacks() - n0)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
sys.exit(3)
