# packages, relative imports, submodules
import mod_pkg
print(mod_pkg.PKG_LEVEL, mod_pkg.helper())
import mod_pkg.mod_sub
print(mod_pkg.mod_sub.NAME, mod_pkg.mod_sub.parent_helper())
from mod_pkg.mod_util import helper as h
print(h is mod_pkg.helper, mod_pkg.__name__, mod_pkg.mod_util.__name__, mod_pkg.__package__, mod_pkg.mod_util.__package__)
from mod_pkg import mod_sub
print(mod_sub is mod_pkg.mod_sub, hasattr(mod_pkg, "__path__"), hasattr(mod_pkg.mod_util, "__path__"))
import sys
print(sorted(k for k in sys.modules if k.startswith("mod_pkg")))
