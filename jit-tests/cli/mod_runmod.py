# A module run with -m: __name__, __spec__, sys.argv[0] (the module's file) and the arguments.
import os
import sys

print("name:", __name__)
print("spec:", __spec__.name, repr(__spec__.parent), __spec__.origin.endswith("mod_runmod.py"))
print("package:", repr(__package__))
print("argv0:", sys.argv[0].replace(os.getcwd() + os.sep, ""))
print("args:", sys.argv[1:])
print("main is me:", sys.modules["__main__"] is sys.modules[__name__])
print("path0 is cwd:", sys.path[0] == os.getcwd())
if __name__ == "__main__":
    print("running as main")
