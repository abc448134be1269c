"""Module docstring (dropped under -OO)."""
# -OO: as -O, and docstrings are dropped (None).
import sys


def f():
    "f's docstring"
    assert False, "not compiled under -O"
    return "after assert"


class C:
    "C's docstring"


print(__debug__, sys.flags.optimize, f(), f.__doc__, C.__doc__, __doc__)
if __debug__:
    print("debug block")
# compile() follows the interpreter's level unless told otherwise.
for level in (-1, 0, 1, 2):
    ns = {}
    exec(compile('"""d"""\ndef g():\n    "g doc"\n    assert 0\n    return __debug__\n', "m", "exec", optimize=level), ns)
    try:
        print(level, ns["g"](), ns["g"].__doc__, ns.get("__doc__"))
    except AssertionError:
        print(level, "assert ran")
