"""The path-based part of the import system (CPython's importlib._bootstrap_external):
PathFinder over sys.path / a package's __path__, FileFinder (the path hook for
directories), SourceFileLoader and namespace packages.

Loaded at start-up from the frozen table as `_frozen_importlib_external`. No f-strings
here or in _bootstrap: without them the compiler skips its replay of CPython's tokenizer,
1.7M instructions of every start-up that has no bytecode cache (`-B`).
"""

import sys
import _imp
import _frozen_importlib as _bootstrap

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []


# pylift's own (its `.pyc` files hold pylift bytecode): changes with the bytecode format.
MAGIC_NUMBER = _imp.pyc_magic
_OPT = 'opt-'
_PYCACHE = '__pycache__'


def decode_source(source_bytes):
    """Decode bytes representing source code and return the string (universal newlines)."""
    text = source_bytes.decode('utf-8')
    return text.replace('\r\n', '\n').replace('\r', '\n')


def source_from_cache(path):
    """Given the path to a .pyc. file, return the path to its .py file.

    The .pyc file does not need to exist; this simply returns the path to
    the .py file calculated to correspond to the .pyc file.  If path does
    not conform to PEP 3147/488 format, ValueError will be raised. If
    sys.implementation.cache_tag is None then NotImplementedError is raised.
    """
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    path = _imp.fspath(path)
    head, pycache_filename = path.rpartition('/')[::2]
    found_in_pycache_prefix = False
    if sys.pycache_prefix is not None:
        stripped_path = sys.pycache_prefix.rstrip('/')
        if head.startswith(stripped_path + '/'):
            head = head[len(stripped_path):]
            found_in_pycache_prefix = True
    if not found_in_pycache_prefix:
        head, pycache = head.rpartition('/')[::2]
        if pycache != _PYCACHE:
            raise ValueError('%s not bottom-level directory in %r' % (_PYCACHE, path))
    dot_count = pycache_filename.count('.')
    if dot_count not in {2, 3}:
        raise ValueError('expected only 2 or 3 dots in %r' % (pycache_filename,))
    elif dot_count == 3:
        optimization = pycache_filename.rsplit('.', 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError("optimization portion of filename does not start with %r" % (_OPT,))
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError("optimization level %r is not an alphanumeric value" % (optimization,))
    base_filename = pycache_filename.partition('.')[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])


def _path_join(*parts):
    return _imp.path_join(*parts)


def _path_isabs(path):
    return path.startswith('/')


def _path_abspath(path):
    if not _path_isabs(path):
        path = _path_join(_imp.getcwd(), path)
    return path


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Given the path to a .py file, return the path to its .pyc file.

    The .py file does not need to exist; this simply returns the path to the
    .pyc file calculated as if the .py file were imported.

    The 'optimization' parameter controls the presumed optimization level of
    the bytecode file. If 'optimization' is not None, the string representation
    of the argument is taken and verified to be alphanumeric (else ValueError
    is raised).

    The debug_override parameter is deprecated. If debug_override is not None,
    a True value is the same as setting 'optimization' to the empty string
    while a False value is equivalent to setting 'optimization' to '1'.

    If sys.implementation.cache_tag is None then NotImplementedError is raised.
    """
    if debug_override is not None:
        import warnings as _warnings
        _warnings.warn('the debug_override parameter is deprecated; use '
                       "'optimization' instead", DeprecationWarning)
        if optimization is not None:
            message = 'debug_override or optimization must be set to None'
            raise TypeError(message)
        optimization = '' if debug_override else 1
    path = _imp.fspath(path)
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    if optimization is not None:
        optimization = str(optimization)
        if optimization != '' and not optimization.isalnum():
            raise ValueError('%r is not alphanumeric' % (optimization,))
    # The path itself is computed natively, where imports find their .pyc files.
    return _imp.cache_from_source(path, optimization)


# Writing .pyc files as py_compile and compileall do (the import system itself writes
# them natively, in the same format).

def _pack_uint32(x):
    """Convert a 32-bit integer to little-endian."""
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')


def _code_to_timestamp_pyc(code, mtime=0, source_size=0):
    "Produce the data for a timestamp-based pyc."
    import marshal
    data = bytearray(MAGIC_NUMBER)
    data.extend(_pack_uint32(0))
    data.extend(_pack_uint32(mtime))
    data.extend(_pack_uint32(source_size))
    data.extend(marshal.dumps(code))
    return data


def _code_to_hash_pyc(code, source_hash, checked=True):
    "Produce the data for a hash-based pyc."
    import marshal
    data = bytearray(MAGIC_NUMBER)
    flags = 0b1 | checked << 1
    data.extend(_pack_uint32(flags))
    assert len(source_hash) == 8
    data.extend(source_hash)
    data.extend(marshal.dumps(code))
    return data


def _calc_mode(path):
    """Calculate the mode permissions for a bytecode file."""
    import os
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0o666
    # We always ensure write access so we can update cached files later even when the
    # source files are read-only.
    mode |= 0o200
    return mode


def _write_atomic(path, data, mode=0o666):
    """Best-effort function to write data to a path atomically."""
    import os
    path_tmp = '{}.{}'.format(path, id(path))
    fd = os.open(path_tmp, os.O_EXCL | os.O_CREAT | os.O_WRONLY, mode & 0o666)
    try:
        with open(fd, 'wb') as file:
            file.write(data)
        os.replace(path_tmp, path)
    except OSError:
        try:
            os.unlink(path_tmp)
        except OSError:
            pass
        raise


class FileLoader:
    """Base file loader class which implements the loader protocol methods that require
    file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def get_resource_reader(self, module):
        return None


class SourceLoader:

    def is_package(self, fullname):
        filename = self.get_filename(fullname).rpartition('/')[2]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError('cannot load module {!r} when get_code() '
                              'returns None'.format(module.__name__))
        exec(code, module.__dict__)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        return self.get_data(path).decode('utf-8')

    def get_code(self, fullname):
        source_path = self.get_filename(fullname)
        if (type(self).get_data is FileLoader.get_data
                and type(self).source_to_code is SourceLoader.source_to_code):
            # Through the bytecode cache, as imports load the file.
            return _imp.source_file_code(source_path)
        source_bytes = self.get_data(source_path)
        return self.source_to_code(source_bytes, source_path)


class SourceFileLoader(FileLoader, SourceLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def path_stats(self, path):
        return {'mtime': _imp.path_mtime(path), 'size': len(self.get_data(path))}


class SourcelessFileLoader(FileLoader, SourceLoader):
    pass


class ExtensionFileLoader(FileLoader):
    pass


class _NamespacePath:
    """The __path__ of a namespace package: the portions found on the parent's path."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path
        self._path_finder = path_finder

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __repr__(self):
        return '_NamespacePath({!r})'.format(self._path)

    def __contains__(self, item):
        return item in self._path

    def append(self, item):
        self._path.append(item)


class NamespaceLoader:
    def __init__(self, name, path, path_finder):
        self._path = _NamespacePath(name, path, path_finder)

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        pass


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_bootstrap._POPULATE):
    """Return a module spec based on a file location."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _imp.fspath(location)
        if not _path_isabs(location):
            location = _path_abspath(location)
    spec = _bootstrap.ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        if location.endswith('.py'):
            loader = SourceFileLoader(name, location)
            spec.loader = loader
        else:
            return None
    if submodule_search_locations is _bootstrap._POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = location.rpartition('/')[0]
            spec.submodule_search_locations.append(dirname)
    return spec


class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    @staticmethod
    def invalidate_caches():
        for name, finder in list(sys.path_importer_cache.items()):
            if finder is None or not _path_isabs(name):
                del sys.path_importer_cache[name]
            elif hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()

    @staticmethod
    def _path_hooks(path):
        for hook in sys.path_hooks:
            try:
                return hook(path)
            except ImportError:
                continue
        else:
            return None

    @classmethod
    def _path_importer_cache(cls, path):
        if path == '':
            try:
                path = _imp.getcwd()
            except FileNotFoundError:
                return None
        try:
            finder = sys.path_importer_cache[path]
        except KeyError:
            finder = cls._path_hooks(path)
            sys.path_importer_cache[path] = finder
        return finder

    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is not None:
                spec = finder.find_spec(fullname, target)
                if spec is None:
                    continue
                if spec.loader is not None:
                    return spec
                portions = spec.submodule_search_locations
                if portions is None:
                    raise ImportError('spec missing loader')
                namespace_path.extend(portions)
        else:
            spec = _bootstrap.ModuleSpec(fullname, None)
            spec.submodule_search_locations = namespace_path
            return spec

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        spec = cls._get_spec(fullname, path, target)
        if spec is None:
            return None
        elif spec.loader is None:
            namespace_path = spec.submodule_search_locations
            if namespace_path:
                spec.origin = None
                spec.submodule_search_locations = _NamespacePath(fullname, namespace_path, cls._get_spec)
                return spec
            else:
                return None
        else:
            return spec


class FileFinder:
    """File-based finder: looks in one directory for a package, a module or a namespace
    portion (no directory-listing cache, so files created at run time are seen at once)."""

    def __init__(self, path, *loader_details):
        if not path or path == '.':
            self.path = _imp.getcwd()
        else:
            self.path = _path_abspath(path)
        self._loaders = list(loader_details)

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        tail_module = fullname.rpartition('.')[2]
        found = _imp.find_in_dir(self.path, tail_module)
        if found is None:
            return None
        kind, location = found
        if kind == 'namespace':
            spec = _bootstrap.ModuleSpec(fullname, None)
            spec.submodule_search_locations = [location]
            return spec
        loader = SourceFileLoader(fullname, location)
        if kind == 'package':
            return spec_from_file_location(fullname, location, loader=loader,
                                           submodule_search_locations=[location.rpartition('/')[0]])
        return spec_from_file_location(fullname, location, loader=loader, submodule_search_locations=None)

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            if not _imp.isdir(path):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return 'FileFinder({!r})'.format(self.path)


def _install():
    sys.meta_path.append(PathFinder)
    sys.path_hooks.append(FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES)))
