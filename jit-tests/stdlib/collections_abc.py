# collections.abc: isinstance checks through ABCMeta, Mapping/Sequence mixins
from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Iterator, Callable, Hashable, Sized, MutableSequence, Set
import collections.abc
import collections
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((), MutableSequence), isinstance(3, Iterable), isinstance("s", Iterable))
print(isinstance(iter([]), Iterator), isinstance(len, Callable), isinstance([], Hashable), isinstance(1, Hashable), issubclass(dict, MutableMapping))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
s = Store()
s["a"] = 1
s.update(b=2)
print(len(s), s.get("zz", 0), "a" in s, sorted(s.keys()), sorted(s.items()), s.pop("a"), s.setdefault("c", 3), dict(s))
class Seq(Sequence):
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * i
    def __len__(self): return self.n
q = Seq(4)
print(list(q), 4 in q, q.index(9), list(reversed(q)), q.count(1))
try:
    class Bad(Mapping): pass
    Bad()
except TypeError as e:
    print(e)
print(collections.abc.Iterable is Iterable, isinstance({1}, Set))
