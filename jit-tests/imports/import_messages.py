# the wording of import errors: missing modules and names, not-a-package parents,
# relative imports without a package, circular imports of partially initialised modules
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def show(stmt):
    try:
        exec(stmt, {"__name__": "__main__"})
    except ImportError as e:
        msg = str(e) if e.path is None else str(e).replace(e.path, os.path.basename(e.path))
        print(f"{type(e).__name__}: {msg} | name={e.name!r} path={e.path if e.path is None else os.path.basename(e.path)!r}")
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        print(f"{type(e).__name__}: {e}")


show("import no_such_module_abc")
show("import no_such_pkg.sub")
show("import mod_helper.sub")
show("import collections.no_sub")
show("from collections import no_name")
show("from sys import no_name")
show("from mod_helper import no_name")
show("from . import sibling")
show("from .. import sibling")
show("from .x import y")
show("import _circ.a")
show("import _circ.c")
show("__import__('')")
show("__import__('x', level=-1)")
show("__import__(42)")
show("__import__('collections', fromlist=['no_sub'])")
print(__import__('collections', fromlist=['abc']).__name__)
print(__import__('collections.abc').__name__, __import__('collections.abc', fromlist=['x']).__name__)
g = {"__name__": "_rel.leaf", "__package__": "_rel"}
print(__import__("leaf", g, None, ["VALUE"], 1).__name__)
print(__import__("", g, None, ["leaf"], 1).__name__)
show("__import__('leaf', {'__package__': 5}, None, [], 1)")
show("__import__('leaf', {}, None, [], 1)")
