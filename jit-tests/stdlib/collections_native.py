# The native _collections (deque, defaultdict, _count_elements) under CPython's own
# collections package: behaviour, reprs, error messages, mutation during iteration.
import copy
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap, UserDict


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = deque([1, 2, 3])
for f in [lambda: d.remove(9), lambda: d.index(9), lambda: deque().pop(), lambda: deque().popleft(),
          lambda: d[5], lambda: d['a'], lambda: d[1:2], lambda: deque(maxlen=-1), lambda: deque(maxlen='a'),
          lambda: d + [1], lambda: deque([1], 1).insert(0, 2), lambda: hash(d), lambda: d.index(1, 'a'),
          lambda: deque(1), lambda: deque([], 2, 3), lambda: d.rotate('x'), lambda: d * 'a',
          lambda: d.count(), lambda: deque(foo=1), lambda: d < 1, lambda: d.pop(1)]:
    show(f)

it = iter(d)
d.append(4)
show(lambda: next(it))
show(lambda: next(it))
it = reversed(d)
print(next(it), it.__length_hint__())
d[0] = 10
print(next(it))
d.popleft()
show(lambda: next(it))
print(type(iter(d)), type(reversed(d)), deque, defaultdict)

d = deque(range(10), 5)
print(d, d.maxlen, d * 2, d + d, list(reversed(d)), 7 in d, 1 in d, d.count(7), d.index(7), d.index(9, -2))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.append(d)
print(d)
d = deque([1, 2, 3])
d *= 2
print(d)
d += 'ab'
print(d, len(d), d[-1], d.pop(), d.popleft(), d)
del d[0]
print(d)
d.insert(1, 'z')
d.extendleft([7, 8])
print(d)
d.reverse()
print(d)
d.extend(d)
print(d)
d.clear()
print(d, bool(d))
b = deque([1, 2, 3], 3)
b.append(4)
b.appendleft(0)
print(b, b * 2, deque('abc', 0))
b *= 5
print(b)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) >= deque([1, 0]),
      deque([1]) == [1])
print(deque[int])


class Bad:
    def __eq__(self, other):
        dq.append(1)
        return False


dq = deque([Bad(), 2])
show(lambda: dq.count(2))
dq = deque([Bad(), 2])
show(lambda: dq.remove(2))
dq = deque([Bad(), 2])
show(lambda: 2 in dq)

e = deque([1, [2]], 4)
c = copy.copy(e)
dc = copy.deepcopy(e)
print(c, dc, dc[1] is e[1], c[1] is e[1], e.copy())


class D(deque):
    pass


x = D([1, 2])
x.a = 1
print(x, copy.copy(x), copy.deepcopy(x).a, x + x, type(x * 2).__name__, D([1], 2))
print(isinstance(x, deque), D.__mro__)

dd = defaultdict(list)
dd[1].append(2)
dd['k'].append(3)
print(dd, defaultdict(), dd.copy(), dd | {3: 4}, {3: 4} | dd, dd.default_factory)
dd |= {5: 6}
print(dd, 9 in dd, dd.get(9), len(dd))
show(lambda: defaultdict(1))
show(lambda: defaultdict()[1])
di = defaultdict(int, a=1)
di['b'] += 2
print(di, sorted(di.items()), copy.deepcopy(di), type(copy.copy(di)).__name__)
rec = defaultdict(list)
rec.default_factory = rec.__getitem__
print(defaultdict(None, {1: 2}).__reduce__()[:4])


class DD(defaultdict):
    def __missing__(self, key):
        return key * 2


y = DD(int)
print(y['ab'], y, isinstance(y, dict))

cnt = Counter('abracadabra')
print(cnt, cnt.most_common(2), cnt['z'], sorted(cnt.elements()))
cnt.update(['a', 'z'])
cnt.subtract('b')
print(cnt, cnt + Counter('aa'), cnt - Counter('aaaaaaa'), +cnt, -Counter(a=-1))

od = OrderedDict.fromkeys('abc')
od.move_to_end('a')
print(od, list(od), od.popitem(last=False))

P = namedtuple('P', 'x y', defaults=[0])
p = P(1)
print(p, p.x, p._replace(y=5), p._asdict(), P._fields)
show(lambda: P(1, 2, 3))

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'c': 4}))


class U(UserDict):
    pass


u = U(a=1)
u['b'] = 2
print(u, u.data, 'a' in u)
