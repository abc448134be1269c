# __name__ == "__main__" and module attributes
import mod_helper
print(__name__, mod_helper.__name__)
if __name__ == "__main__":
    print("running as script")
import os
print(os.path.basename(__file__), os.path.isabs(__file__), __doc__, type(__builtins__).__name__ in ("module", "dict"))
"""not a docstring (not first statement)"""
import sys
print(sys.argv[0], __spec__ is None)
def f():
    return __name__
print(f(), f.__module__, mod_helper.greet.__module__, mod_helper.Widget.__module__)
