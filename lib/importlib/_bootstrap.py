"""The core of the import system (CPython's importlib._bootstrap): module specs, the
built-in and frozen importers, and the find/load steps the interpreter calls.

Loaded at start-up from the binary's frozen table as `_frozen_importlib` (it is what loads
files, so it cannot come from one); `importlib` re-exports it as `importlib._bootstrap`.
The interpreter (src/vm/interp/imports.rs) checks sys.modules itself and calls `_find_spec`
and `module_from_spec` here on a miss, then runs the module body.
"""

import sys
import _imp


class _Sentinel:
    pass


_POPULATE = _Sentinel()


class ModuleSpec:
    """The import-system-related state of a module (PEP 451)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and
                    self.loader == other.loader and
                    self.origin == other.origin and
                    smsl == other.submodule_search_locations and
                    self.cached == other.cached and
                    self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            self._cached = _imp.cache_from_source(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        else:
            return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        import _frozen_importlib_external
        spec_from_file_location = _frozen_importlib_external.spec_from_file_location
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _init_module_attrs(spec, module, *, override=False):
    if (override or getattr(module, '__name__', None) is None):
        try:
            module.__name__ = spec.name
        except AttributeError:
            pass
    if override or getattr(module, '__loader__', None) is None:
        loader = spec.loader
        if loader is None and spec.submodule_search_locations is not None:
            import _frozen_importlib_external
            loader = _frozen_importlib_external.NamespaceLoader.__new__(
                _frozen_importlib_external.NamespaceLoader)
            loader._path = spec.submodule_search_locations
            spec.loader = loader
            module.__file__ = None
        try:
            module.__loader__ = loader
        except AttributeError:
            pass
    if override or getattr(module, '__package__', None) is None:
        try:
            module.__package__ = spec.parent
        except AttributeError:
            pass
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if override or getattr(module, '__path__', None) is None:
        if spec.submodule_search_locations is not None:
            try:
                module.__path__ = spec.submodule_search_locations
            except AttributeError:
                pass
    if spec.has_location:
        if override or getattr(module, '__file__', None) is None:
            try:
                module.__file__ = spec.origin
            except AttributeError:
                pass
        if override or getattr(module, '__cached__', None) is None:
            if spec.cached is not None:
                try:
                    module.__cached__ = spec.cached
                except AttributeError:
                    pass
    return module


def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = _new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


def _new_module(name):
    return type(sys)(name)


def _module_repr_from_spec(spec):
    name = '?' if spec.name is None else spec.name
    if spec.origin is None:
        if spec.loader is None:
            return '<module {!r}>'.format(name)
        else:
            return '<module {!r} ({!r})>'.format(name, spec.loader)
    else:
        if spec.has_location:
            return '<module {!r} from {!r}>'.format(name, spec.origin)
        else:
            return '<module {!r} ({})>'.format(spec.name, spec.origin)


class BuiltinImporter:
    """Meta path import for built-in modules (those written in Rust)."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        if _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        if spec.name not in sys.builtin_module_names:
            raise ImportError('{!r} is not a built-in module'.format(spec.name), name=spec.name)
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False


class FrozenImporter:
    """Meta path import for the library modules embedded in the binary (used when the lib/
    folder is not found next to the executable, or with -X frozen_modules=on)."""

    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        info = _imp.find_frozen(fullname)
        if info is None:
            return None
        ispkg = info[0]
        spec = ModuleSpec(fullname, cls, origin=cls._ORIGIN, is_package=ispkg)
        return spec

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name
        code = _imp.get_frozen_object(name)
        exec(code, module.__dict__)

    @classmethod
    def get_code(cls, fullname):
        return _imp.get_frozen_object(fullname)

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        info = _imp.find_frozen(fullname)
        if info is None:
            raise ImportError('{!r} is not a frozen module'.format(fullname), name=fullname)
        return info[0]


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '%s.%s' % (base, name) if name else base


def _find_spec(name, path, target=None):
    """Find a module's spec by asking each finder on sys.meta_path in turn."""
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    is_reload = name in sys.modules
    for finder in meta_path:
        try:
            find_spec = finder.find_spec
        except AttributeError:
            continue
        spec = find_spec(name, path, target)
        if spec is not None:
            if not is_reload and name in sys.modules:
                module = sys.modules[name]
                try:
                    __spec__ = module.__spec__
                except AttributeError:
                    return spec
                else:
                    if __spec__ is None:
                        return spec
                    else:
                        return __spec__
            else:
                return spec
    return None


def _exec(spec, module):
    """Execute the spec's specified module in an existing module's namespace."""
    name = spec.name
    if sys.modules.get(name) is not module:
        msg = 'module {!r} not in sys.modules'.format(name)
        raise ImportError(msg, name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
            _init_module_attrs(spec, module, override=True)
        else:
            _init_module_attrs(spec, module, override=True)
            if not hasattr(spec.loader, 'exec_module'):
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def _load(spec):
    """Create a module from the spec, put it in sys.modules and run it."""
    return _imp.load_spec(spec)


def _module_repr(module):
    """The repr of a module object (module.__repr__ calls this)."""
    loader = getattr(module, '__loader__', None)
    if spec := getattr(module, "__spec__", None):
        try:
            return _module_repr_from_spec(spec)
        except Exception:
            pass
    try:
        name = module.__name__
    except AttributeError:
        name = '?'
    try:
        filename = module.__file__
    except AttributeError:
        if loader is None:
            return '<module {!r}>'.format(name)
        else:
            return '<module {!r} ({!r})>'.format(name, loader)
    else:
        return '<module {!r} from {!r}>'.format(name, filename)


def _install():
    """Set up the default meta path finders and give the modules loaded before importlib
    their specs."""
    sys.meta_path.append(BuiltinImporter)
    sys.meta_path.append(FrozenImporter)
    module_type = type(sys)
    for name, module in sys.modules.items():
        if not isinstance(module, module_type):
            continue
        if name in sys.builtin_module_names:
            loader = BuiltinImporter
        elif name in ('_frozen_importlib', '_frozen_importlib_external'):
            loader = FrozenImporter
        else:
            continue
        spec = ModuleSpec(name, loader, origin=loader._ORIGIN)
        _init_module_attrs(spec, module)
