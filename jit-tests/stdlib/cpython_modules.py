# CPython's own functools, contextlib, copy, abc, weakref, types, numbers, operator,
# dataclasses and threading (pylift's hand-written copies are gone)
import functools, contextlib, copy, abc, weakref, types, numbers, operator, dataclasses, threading
import collections.abc

# functools
print(functools.reduce(operator.add, [1, 2, 3], 10), functools.reduce(lambda a, b: a * b, range(1, 6)))
p = functools.partial(int, base=2)
print(p('101'), p.func is int, p.args, p.keywords, repr(functools.partial(max, 1))[:26])
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
@functools.singledispatch
def show(x): return 'obj'
@show.register
def _(x: int): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([]), show('s'), show(True))
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named(a):
    "doc"
    return a
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
class CP:
    @functools.cached_property
    def val(self):
        print('computing'); return 42
c = CP(); print(c.val, c.val)
print(functools.partial(functools.partial(pow, 2), 3)())

# contextlib
@contextlib.contextmanager
def tag(n):
    print('<' + n); yield n; print('>' + n)
with tag('a') as t: print('in', t)
with contextlib.suppress(KeyError): {}['x']
print('suppressed')
with contextlib.ExitStack() as st:
    for n in 'xy': st.enter_context(tag(n))
    st.callback(print, 'callback')
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf): print('hidden')
print(repr(buf.getvalue()))
with contextlib.nullcontext(5) as v: print(v)
try:
    with tag('e'): raise ValueError('boom')
except ValueError as e: print('caught', e)
class Res(contextlib.AbstractContextManager):
    def __exit__(self, *a): print('exit'); return None
with Res() as r: print(type(r).__name__)
cl = contextlib.closing(io.StringIO('z'))
with cl as f: print(f.read())

# copy
class Node:
    def __init__(self, v): self.v, self.kids = v, []
n = Node(1); n.kids.append(Node(2)); n.kids.append(n)
m = copy.deepcopy(n)
print(m.v, m.kids[0].v, m.kids[1] is m, m is not n, copy.copy(n).kids is n.kids)
class Sl:
    __slots__ = ('a', 'b')
s = Sl(); s.a = 1
s2 = copy.copy(s); print(s2.a, hasattr(s2, 'b'))
class Cust:
    def __init__(self): self.x = [1]
    def __copy__(self): return 'shallow'
    def __deepcopy__(self, memo): return 'deep'
print(copy.copy(Cust()), copy.deepcopy(Cust()))
class GS:
    def __init__(self): self.a, self.b = 1, 2
    def __getstate__(self): return {'a': self.a}
    def __setstate__(self, st): self.__dict__.update(st, restored=True)
g = copy.copy(GS()); print(sorted(vars(g).items()))
class L(list): pass
l = L([1, [2]]); l.tag = 't'
l2 = copy.deepcopy(l); print(type(l2).__name__, l2, l2.tag, l2[1] is l[1])
print(copy.copy((1, 2)), copy.deepcopy({'k': (1, [2])}), copy.copy(frozenset({1})))
print(object().__reduce_ex__(2)[1:], Node(0).__reduce_ex__(2)[0].__name__, Node(0).__getstate__() == {'v': 0, 'kids': []})
try: copy.copy(threading.Lock())
except TypeError as e: print(e)

# abc
class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def f(self): return 'f'
    p = 3
print(Impl().f(), Impl.__abstractmethods__, isinstance(Impl(), Base))
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), issubclass(str, Reg), type(Reg).__name__)
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.MutableMapping), isinstance(len, collections.abc.Callable))
print(issubclass(type(iter(())), collections.abc.Iterator), list[int], collections.abc.Callable[[int], str])

# weakref
class W: pass
w = W(); r = weakref.ref(w)
print(r() is w, weakref.getweakrefcount(w))
d = weakref.WeakValueDictionary(); d['k'] = w
ws = weakref.WeakSet([w]); print(len(d), len(ws), w in ws)
del w
import gc; gc.collect()
print(r(), len(d), len(ws))
k = W(); wk = weakref.WeakKeyDictionary({k: 1}); print(list(wk.values()))
fin = weakref.finalize(W(), print, 'finalized'); gc.collect(); print(fin.alive)

# types, numbers, operator
print(types.SimpleNamespace(a=1), types.MappingProxyType({'a': 1})['a'], isinstance(len, types.BuiltinFunctionType))
print(types.new_class('NC', (object,), {}).__name__, type(types.GenericAlias(list, (int,))), types.GenericAlias(dict, (str, int)))
print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(1j, numbers.Complex), isinstance(3.0, numbers.Rational))
print(operator.itemgetter(1, 0)('ab'), operator.attrgetter('real')(3), operator.methodcaller('upper')('x'), operator.index(5))
print(operator.add(1, 2), operator.neg(3), operator.contains([1], 1), operator.length_hint(iter([1, 2])))

# dataclasses
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)
p1 = P(1, 2); print(p1, p1 == P(1, 2, ['z']), P(1) < P(2), dataclasses.asdict(p1), dataclasses.astuple(p1))
print([f.name for f in dataclasses.fields(P)], dataclasses.replace(p1, y=5), dataclasses.is_dataclass(p1))
@dataclasses.dataclass(frozen=True)
class F:
    a: int
try: F(1).a = 2
except dataclasses.FrozenInstanceError as e: print('frozen', e)
print(hash(F(1)) == hash(F(1)), F(1))

# threading
out = []
lock = threading.Lock()
def work(i):
    with lock: out.append(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out), threading.current_thread().name, threading.active_count())
ev = threading.Event(); tt = threading.Thread(target=ev.set); tt.start(); print(ev.wait(5)); tt.join()
