# CPython's own standard library is found at start-up and sits on sys.path as CPython
# shows its lib/python3.11; modules not in pylift's lib/ come from it.
import os
import sys

import argparse
import textwrap

print(sys._stdlib_dir in sys.path, os.path.isfile(os.path.join(sys._stdlib_dir, "os.py")))
print(os.path.dirname(os.__file__) == sys._stdlib_dir)  # (CPython's os is frozen: no origin check)
for m in (argparse, textwrap):
    print(m.__name__, os.path.dirname(m.__file__) == sys._stdlib_dir, m.__spec__.origin == m.__file__)
print(type(sys.modules["posix"]).__name__, "posix" in sys.builtin_module_names, os.name)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(repr(e))
