# Why pylift's own: CPython's typing.py imports and mostly runs (Generic, Protocol,
# NamedTuple, Callable, Literal...), but instantiating a TypedDict class fails in pylift
# ("unbound method dict.keys() needs an argument": a dict subclass made by a metaclass's
# `type.__new__(meta, name, (dict,), ns)`), and its import costs ~100 ms more without a
# bytecode cache. Delete this file once both are fixed.
"""typing: the names type hints use (subscriptable aliases, Union/Optional, TypeVar,
Generic, Protocol, NamedTuple, TypedDict, cast, overload...). Runtime checks are minimal."""

import collections as _collections

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, (list, tuple)) and not hasattr(obj, '_fields'):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    __slots__ = ('_name', '_getitem')

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__ == ((),):
            return f'{name}[()]'
        return f'{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params if isinstance(params, tuple) else (params,), self._name)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    @property
    def __parameters__(self):
        return tuple(a for a in self.__args__ if isinstance(a, TypeVar))


class _SpecialGenericAlias(_Final):
    """`List`, `Dict`...: subscriptable names for builtin and abstract classes."""

    def __init__(self, origin, nparams, name=None, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name or origin.__name__.capitalize()
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    for p in parameters:
        if p is None:
            p = type(None)
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        elif type(p).__name__ == 'UnionType':
            items = p.__args__
        else:
            items = (p,)
        for i in items:
            if i not in params:
                params.append(i)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(self, tuple(params), 'Union')


def _optional_getitem(self, parameters):
    return Union[parameters, type(None)]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, parameters, 'Literal')


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'


def _simple_getitem(self, parameters):
    return _GenericAlias(self, parameters, self._name)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
ClassVar = _SpecialForm('ClassVar', _simple_getitem)
Final = _SpecialForm('Final', _simple_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate', _simple_getitem)
TypeGuard = _SpecialForm('TypeGuard', _simple_getitem)
Annotated = _SpecialForm('Annotated', _simple_getitem)
Required = _SpecialForm('Required', _simple_getitem)
NotRequired = _SpecialForm('NotRequired', _simple_getitem)
Unpack = _SpecialForm('Unpack', _simple_getitem)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Abstract base class for generic types."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        return _GenericAlias(cls, params if isinstance(params, tuple) else (params,))

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)


class Protocol(Generic):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    return cls


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        return (f'typing.Callable[[{", ".join(_type_repr(a) for a in args[:-1])}], '
                f'{_type_repr(args[-1])}]')


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            return _CallableGenericAlias(self.__origin__, (..., result), 'Callable')
        return _CallableGenericAlias(self.__origin__, tuple(args) + (result,), 'Callable')

    def __instancecheck__(self, obj):
        return callable(obj)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, ((),), 'Tuple')
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, params, 'Tuple')


class _AbcMeta(type):
    def __instancecheck__(cls, obj):
        return all(hasattr(type(obj), m) for m in cls._methods)

    def __subclasscheck__(cls, sub):
        return all(hasattr(sub, m) for m in cls._methods)


def _protocol_class(name, methods):
    return _AbcMeta(name, (), {'_methods': methods, '__module__': 'collections.abc'})


_Iterable = _protocol_class('Iterable', ('__iter__',))
_Iterator = _protocol_class('Iterator', ('__iter__', '__next__'))
_Sized = _protocol_class('Sized', ('__len__',))
_Container = _protocol_class('Container', ('__contains__',))
_Collection = _protocol_class('Collection', ('__len__', '__iter__', '__contains__'))
_Hashable = _protocol_class('Hashable', ('__hash__',))
_Reversible = _protocol_class('Reversible', ('__reversed__',))
_Sequence = _protocol_class('Sequence', ('__getitem__', '__len__'))
_MutableSequence = _protocol_class('MutableSequence', ('__getitem__', '__len__', '__setitem__', 'insert'))
_Mapping = _protocol_class('Mapping', ('__getitem__', '__len__', 'keys', 'items'))
_MutableMapping = _protocol_class('MutableMapping', ('__getitem__', '__setitem__', 'keys'))
_Set = _protocol_class('Set', ('__contains__', '__iter__', '__len__', 'isdisjoint'))
_Generator = _protocol_class('Generator', ('send', 'throw', '__next__'))
_Awaitable = _protocol_class('Awaitable', ('__await__',))
_Coroutine = _protocol_class('Coroutine', ('send', 'throw', '__await__'))
_CallableABC = _protocol_class('Callable', ('__call__',))
_ContextManager = _protocol_class('AbstractContextManager', ('__enter__', '__exit__'))

List = _SpecialGenericAlias(list, 1, 'List', inst=False)
Dict = _SpecialGenericAlias(dict, 2, 'Dict', inst=False)
Set = _SpecialGenericAlias(set, 1, 'Set', inst=False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', inst=False)
Tuple = _TupleType(tuple, -1, 'Tuple', inst=False)
Type = _SpecialGenericAlias(type, 1, 'Type', inst=False)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(_collections.Counter, 1, 'Counter')
Deque = _SpecialGenericAlias(_collections.deque, 1, 'Deque')
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 2, 'ChainMap')
Callable = _CallableType(_CallableABC, 2, 'Callable')
Iterable = _SpecialGenericAlias(_Iterable, 1, 'Iterable')
Iterator = _SpecialGenericAlias(_Iterator, 1, 'Iterator')
Sized = _SpecialGenericAlias(_Sized, 0, 'Sized')
Container = _SpecialGenericAlias(_Container, 1, 'Container')
Collection = _SpecialGenericAlias(_Collection, 1, 'Collection')
Hashable = _SpecialGenericAlias(_Hashable, 0, 'Hashable')
Reversible = _SpecialGenericAlias(_Reversible, 1, 'Reversible')
Sequence = _SpecialGenericAlias(_Sequence, 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_MutableSequence, 1, 'MutableSequence')
Mapping = _SpecialGenericAlias(_Mapping, 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_MutableMapping, 2, 'MutableMapping')
AbstractSet = _SpecialGenericAlias(_Set, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_Set, 1, 'MutableSet')
Generator = _SpecialGenericAlias(_Generator, 3, 'Generator')
Awaitable = _SpecialGenericAlias(_Awaitable, 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_Coroutine, 3, 'Coroutine')
ContextManager = _SpecialGenericAlias(_ContextManager, 1, 'ContextManager')
Text = str


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj, /):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @overload-ed.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _collections.namedtuple(typename, list(types),
                                         defaults=[ns[n] for n in default_names],
                                         module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key in ns:
            if key in ('__module__', '__qualname__', '__annotations__', '__orig_bases__'):
                continue
            if key in types:
                continue
            setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nt = _collections.namedtuple(typename, [n for n, t in fields])
    nt.__annotations__ = dict(fields)
    return nt


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields)}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)
