# module attributes set by the import system: __spec__, __loader__, __file__, __package__,
# __path__; relative imports; namespace packages
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)


def base(p):
    return None if p is None else os.path.basename(p)


import _rel
print(_rel.TOP, _rel.LEAF_VALUE, _rel.leaf.VALUE)
print(_rel.__name__, _rel.__package__, base(_rel.__file__), [base(p) for p in _rel.__path__])
spec = _rel.__spec__
print(type(spec).__name__, spec.name, spec.parent, base(spec.origin), spec.has_location)
print([base(p) for p in spec.submodule_search_locations], type(spec.loader).__name__)
print(spec.loader is _rel.__loader__, type(_rel.__loader__).__module__)
print(_rel.leaf.__spec__.submodule_search_locations, _rel.leaf.__spec__.parent, _rel.leaf.__package__)
print(base(_rel.leaf.__spec__.cached).startswith("leaf."), base(os.path.dirname(_rel.leaf.__cached__)))

import _rel.sub
print(_rel.sub.VALUE, _rel.sub.parent_leaf is _rel.leaf, _rel.sub.deep.NAME, _rel.sub.deep.PKG)
try:
    import _rel.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)

# namespace package spread over two directories
sys.path.insert(0, os.path.join(here, "_ns_a"))
sys.path.insert(0, os.path.join(here, "_ns_b"))
import nspkg
print(nspkg.__file__, nspkg.__spec__.origin, nspkg.__spec__.loader is not None)
print(sorted(base(os.path.dirname(p)) for p in nspkg.__path__))
import nspkg.mod_a
import nspkg.mod_b
print(nspkg.mod_a.A, nspkg.mod_b.B, nspkg.mod_a.__package__)
print(type(nspkg.__path__).__name__, len(nspkg.__path__))

# built-in and library modules
import time
print(time.__spec__.origin, time.__loader__.__name__, repr(time))
print(sys.__spec__.name, sys.__spec__.origin, sys.__loader__.__name__)
import json
print(json.__spec__.name, json.__spec__.has_location, type(json.__loader__).__name__)

# repr of module objects
m = type(sys)("made")
print(repr(m))
m.__file__ = "/x/made.py"
print(repr(m))
