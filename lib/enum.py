"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique (CPython 3.11 behaviour)."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique']


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_' and name[-2:-1] != '_'


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


class _EnumDict(dict):
    def __init__(self):
        super().__init__()
        self._member_names = []
        self._last_values = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_dunder(key) or _is_sunder(key) or _is_descriptor(value):
            if key == '_generate_next_value_':
                self._generate_next_value = value
            dict.__setitem__(self, key, value)
            return
        if key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if key in self:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if isinstance(value, auto):
            gen = self._generate_next_value
            if isinstance(gen, staticmethod):
                gen = gen.__func__
            value = gen(key, 1, len(self._member_names), self._last_values[:])
        self._member_names.append(key)
        self._last_values.append(value)
        dict.__setitem__(self, key, value)


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            return base
    return object


class EnumType(type):
    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        d = _EnumDict()
        gen = None
        for b in bases:
            for c in b.__mro__:
                if '_generate_next_value_' in c.__dict__:
                    gen = c.__dict__['_generate_next_value_']
                    break
            if gen is not None:
                break
        d._generate_next_value = gen if gen is not None else _default_next_value
        return d

    def __new__(metacls, cls, bases, classdict, **kwds):
        member_names = list(getattr(classdict, '_member_names', []))
        members = {k: classdict[k] for k in member_names}
        ns = {k: v for k, v in classdict.items() if k not in members}
        member_type = _find_data_type(bases)
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_member_type_'] = member_type
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        # Enum's repr/str/format win over the mixed-in data type's (as CPython arranges).
        first_enum = None
        for b in reversed(bases):
            if isinstance(b, EnumType):
                first_enum = b
                break
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in classdict:
                    continue
                enum_method = getattr(first_enum, name)
                found_method = getattr(enum_class, name)
                object_method = getattr(object, name)
                data_type_method = getattr(member_type, name)
                if found_method is data_type_method or found_method is object_method:
                    type.__setattr__(enum_class, name, enum_method)
        for name in member_names:
            value = members[name]
            args = value if isinstance(value, tuple) else (value,)
            if member_type is object:
                member = object.__new__(enum_class)
            else:
                member = member_type.__new__(enum_class, *args)
            if not hasattr(member, '_value_'):
                if member_type is object:
                    member._value_ = value
                else:
                    member._value_ = member_type(*args)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            if type(member).__init__ is not object.__init__:
                member.__init__(*args)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
            if canonical is not None:
                member = canonical
            else:
                enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_.setdefault(value, member)
            except TypeError:
                pass
            type.__setattr__(enum_class, name, member)
        if Flag is not None and issubclass(enum_class, Flag):
            all_bits = 0
            for m in enum_class._member_map_.values():
                all_bits |= m._value_
            enum_class._flag_mask_ = all_bits
        return enum_class

    def __call__(cls, value, *args, **kwds):
        if args or kwds:
            return _functional(cls, value, *args, **kwds)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('cannot delete member %r' % (attr,))
        super().__delattr__(attr)

    def __dir__(cls):
        return ['__class__', '__doc__', '__members__', '__module__'] + cls._member_names_


EnumMeta = EnumType


def _default_next_value(name, start, count, last_values):
    for last in reversed(last_values):
        try:
            return last + 1
        except TypeError:
            pass
    return start


def _functional(cls, value, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
    bases = (cls,) if type is None else (type, cls)
    metacls = cls.__class__
    classdict = metacls.__prepare__(value, bases)
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        names = [(e, i) for (i, e) in enumerate(names, start)]
    if isinstance(names, dict):
        names = names.items()
    for item in names:
        if isinstance(item, str):
            member_name, member_value = item, names[item]
        else:
            member_name, member_value = item
        classdict[member_name] = member_value
    enum_class = metacls.__new__(metacls, value, bases, classdict)
    if module is not None:
        enum_class.__module__ = module
    if qualname is not None:
        enum_class.__qualname__ = qualname
    return enum_class


Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __dir__(self):
        return ['__class__', '__doc__', '__module__', 'name', 'value']

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    @classmethod
    def _missing_(cls, value):
        return None

    _value_repr_ = None


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""

    def __str__(self):
        method = self._member_type_.__str__
        if method is object.__str__:
            method = self._member_type_.__repr__
        return method(self)

    def __format__(self, format_spec):
        return self._member_type_.__format__(self, format_spec)


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""
    _value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""
    _value_repr_ = str.__repr__

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _power_of_two(value):
    return value > 0 and (value & (value - 1)) == 0


class Flag(Enum):
    """Support for flags"""
    _flag_mask_ = 0

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** (last_value.bit_length())

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if value & ~cls._flag_mask_ and not issubclass(cls, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        pseudo._name_ = '|'.join(names) if names else None
        if value == 0:
            pseudo._name_ = None
        cls._value2member_map_.setdefault(value, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ & self._value_ == m._value_ and m._value_:
                yield m

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""
    _value_repr_ = int.__repr__

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__
    _missing_ = Flag.__dict__['_missing_']


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                         (enumeration, alias_details))
    return enumeration
