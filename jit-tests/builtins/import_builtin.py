# __import__ and importlib-free module usage
m = __import__("math")
print(m.sqrt(16), m.__name__, type(m).__name__)
os_path = __import__("os.path")
print(os_path.__name__)
import sys
print("math" in sys.modules, sys.modules["math"] is m)
mod = __import__("collections", fromlist=["OrderedDict"])
print(mod.__name__, hasattr(mod, "OrderedDict"))
try:
    __import__("definitely_not_a_module_123")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
import math as mm, sys as ss
print(mm.pi == m.pi, ss is sys)
from math import floor, ceil as c
print(floor(2.7), c(2.1))
def local_import():
    import string
    return string.ascii_lowercase[:5]
print(local_import())
print(sys.version_info[0], sys.version_info >= (3, 11), sys.maxsize == 2 ** 63 - 1, sys.byteorder)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
