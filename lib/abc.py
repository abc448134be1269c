"""Abstract Base Classes (ABCs) according to PEP 3119."""

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


class _AbcData:
    __slots__ = ("registry", "cache", "negative_cache", "negative_version")

    def __init__(self, version):
        self.registry = []
        self.cache = []
        self.negative_cache = []
        self.negative_version = version


def _contains(seq, item):
    for x in seq:
        if x is item:
            return True
    return False


class ABCMeta(type):
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {name for name, value in namespace.items()
                     if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_impl = _AbcData(ABCMeta._abc_invalidation_counter)
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.append(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        impl = cls._abc_impl
        if _contains(impl.cache, subclass):
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_version == ABCMeta._abc_invalidation_counter and
                    _contains(impl.negative_cache, subclass)):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if _contains(impl.cache, subclass):
            return True
        if impl.negative_version < ABCMeta._abc_invalidation_counter:
            impl.negative_cache = []
            impl.negative_version = ABCMeta._abc_invalidation_counter
        elif _contains(impl.negative_cache, subclass):
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            assert isinstance(ok, bool)
            if ok:
                impl.cache.append(subclass)
            else:
                impl.negative_cache.append(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.append(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.append(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                impl.cache.append(subclass)
                return True
        impl.negative_cache.append(subclass)
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_impl.registry = []

    def _abc_caches_clear(cls):
        cls._abc_impl.cache = []
        cls._abc_impl.negative_cache = []


def get_cache_token():
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()
