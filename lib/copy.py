"""copy: shallow and deep copy operations."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len),
           type(Ellipsis), type(NotImplemented), frozenset, property, type(lambda: 0))


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        s = c.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        for n in s:
            if n in ('__dict__', '__weakref__'):
                continue
            if n.startswith('__') and not n.endswith('__'):
                n = '_' + c.__name__.lstrip('_') + n
            names.append(n)
    return names


def _reconstruct(x, deep, memo):
    cls = type(x)
    if isinstance(x, list):
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        list.extend(y, [deepcopy(a, memo) for a in x] if deep else x)
    elif isinstance(x, dict):
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        for k, v in x.items():
            dict.__setitem__(y, deepcopy(k, memo) if deep else k, deepcopy(v, memo) if deep else v)
    elif isinstance(x, (int, float, str, tuple, bytes, frozenset)):
        base = [b for b in cls.__mro__ if b in (int, float, str, tuple, bytes, frozenset)][0]
        y = base.__new__(cls, base(x))
        if deep:
            memo[id(x)] = y
    else:
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
    getstate = getattr(x, '__getstate__', None)
    state = None
    if hasattr(x, '__dict__'):
        state = x.__dict__
    if deep and state:
        state = deepcopy(state, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None and getstate is not None and type(x).__dict__.get('__getstate__') is not None:
        st = getstate()
        setstate(deepcopy(st, memo) if deep else st)
        return y
    if state:
        y.__dict__.update(state)
    for name in _slot_names(cls):
        if hasattr(x, name):
            v = getattr(x, name)
            object.__setattr__(y, name, deepcopy(v, memo) if deep else v)
    return y


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    return _reconstruct(x, False, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif issubclass(cls, type):
            y = x
        else:
            y = _reconstruct(x, True, memo)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y
