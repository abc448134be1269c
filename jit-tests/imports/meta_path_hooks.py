# user finders on sys.meta_path (find_spec/create_module/exec_module), __import__ hooks,
# importlib.import_module / reload / util helpers
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


class Loader(importlib.abc.Loader):
    def __init__(self):
        self.created = []

    def create_module(self, spec):
        self.created.append(spec.name)
        return None

    def exec_module(self, module):
        module.GREETING = "hello from " + module.__name__
        module.loaded_by = type(self).__name__


class Finder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []
        self.loader = Loader()

    def find_spec(self, fullname, path, target=None):
        self.asked.append(fullname)
        if fullname.startswith("virtual"):
            is_pkg = fullname == "virtual"
            return importlib.util.spec_from_loader(fullname, self.loader, is_package=is_pkg)
        return None


finder = Finder()
sys.meta_path.append(finder)
import virtual
print(virtual.GREETING, virtual.loaded_by, virtual.__spec__.name, virtual.__package__)
print(virtual.__loader__ is finder.loader, hasattr(virtual, "__path__"), virtual.__spec__.origin)
import virtual.child
print(virtual.child.GREETING, virtual.child.__package__, finder.asked, finder.loader.created)
print(repr(virtual.child).startswith("<module 'virtual.child' (<__main__.Loader object at"))

# a finder inserted first is consulted before the built-in finders
class Shadow:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname == "json_shadow":
            return importlib.machinery.ModuleSpec(fullname, Loader(), origin="shadow")
        return None


sys.meta_path.insert(0, Shadow)
import json_shadow
print(json_shadow.GREETING, json_shadow.__spec__.origin, sys.meta_path.index(Shadow))
sys.meta_path.remove(Shadow)
sys.meta_path.remove(finder)

try:
    import virtual_gone
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)


# a finder whose loader fails: the module leaves sys.modules again
class Failing(importlib.abc.Loader):
    def exec_module(self, module):
        raise ValueError("exec failed for " + module.__name__)


class FailFinder:
    def find_spec(self, name, path, target=None):
        if name == "failing":
            return importlib.util.spec_from_loader(name, Failing())


sys.meta_path.insert(0, FailFinder())
try:
    import failing
except ValueError as e:
    print("ValueError:", e, "failing" in sys.modules)
del sys.meta_path[0]

# __import__ hook
import builtins

original = builtins.__import__
seen = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    if globals is not None and globals.get("__name__") == "__main__":
        seen.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = hook
import os.path
from json import dumps
builtins.__import__ = original
print(seen)

# importlib helpers
m = importlib.import_module("json")
print(m is sys.modules["json"], importlib.import_module("collections.abc").__name__)
sys.path.insert(0, here)
print(importlib.import_module("._rel.leaf", "imports_pkg_absent") if False else importlib.import_module(".leaf", "_rel").VALUE)
try:
    importlib.import_module(".leaf")
except TypeError as e:
    print("TypeError:", e)
spec = importlib.util.find_spec("mod_helper")
print(spec.name, os.path.basename(spec.origin), type(spec.loader).__name__, importlib.util.find_spec("no_such_mod_xyz"))
print(importlib.util.find_spec("sys").origin, importlib.util.find_spec("collections.abc").name)

spec = importlib.util.spec_from_file_location("loaded_by_path", os.path.join(here, "mod_counter.py"))
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, "loaded_by_path" in sys.modules, hasattr(mod, "LOADS"))
spec.loader.exec_module(mod)
print(hasattr(mod, "LOADS"), os.path.basename(mod.__file__))

import mod_counter
before = mod_counter.LOADS
again = importlib.reload(mod_counter)
print(again is mod_counter, mod_counter.LOADS == before + 1)
importlib.invalidate_caches()
print(isinstance(sys.path_importer_cache, dict), all(callable(h) for h in sys.path_hooks))
print(importlib.machinery.PathFinder in sys.meta_path, importlib.machinery.BuiltinImporter in sys.meta_path)
print(issubclass(importlib.machinery.PathFinder, importlib.abc.MetaPathFinder))
