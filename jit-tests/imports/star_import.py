# from module import *, respects __all__
from mod_helper import *
print(CONSTANT, greet("star"), Widget(1))
print("_private" in dir(), "bump" in dir(), "counter" in dir())
import mod_helper
print(mod_helper._private, mod_helper.__all__)
