# sys.modules: import consults and fills it; deleting an entry reloads; None blocks
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mod_counter
print(mod_counter.LOADS, "mod_counter" in sys.modules)
import mod_counter
print(mod_counter.LOADS)
first = mod_counter
del sys.modules["mod_counter"]
import mod_counter
print(mod_counter.LOADS, first is mod_counter)

# a module object placed in sys.modules is what import returns
fake = type(sys)("fake_mod")
fake.X = 42
sys.modules["fake_mod"] = fake
import fake_mod
from fake_mod import X
print(fake_mod is fake, X)

# any object works
sys.modules["anything"] = 123
import anything
print(anything)

# None in sys.modules blocks the import
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from blocked import x
except ImportError as e:
    print(type(e).__name__, e)

# a module that replaces itself in sys.modules
import mod_replacer
print(mod_replacer)
