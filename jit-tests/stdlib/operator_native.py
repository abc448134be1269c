# The native _operator: every function, the three callable types (reprs, pickling,
# argument errors), and operator.py taking them over.
import _operator
import copy
import operator
import pickle

print(sorted(n for n in dir(_operator) if not n.startswith('__')))
print(operator.add is _operator.add, operator.itemgetter is _operator.itemgetter)
print(operator.itemgetter.__module__, operator.attrgetter.__name__, operator.methodcaller.__qualname__)
print(operator.add.__module__, operator.add.__name__, operator.__doc__.splitlines()[0])


def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print('  ', type(e).__name__, e)
    else:
        print('  ->', repr(r))


class V:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f'V({self.v})'

    def __add__(self, o):
        return V(('add', self.v, o))

    def __iadd__(self, o):
        return V(('iadd', self.v, o))

    def __matmul__(self, o):
        return V(('matmul', self.v, o))

    def __getitem__(self, k):
        return ('item', k)

    def __neg__(self):
        return 'neg'

    def __abs__(self):
        return 'abs'

    def __index__(self):
        return 7

    def __lt__(self, o):
        return 'lt!'


print('binary')
for name in ['add', 'and_', 'floordiv', 'lshift', 'mod', 'mul', 'or_', 'pow', 'rshift', 'sub',
             'truediv', 'xor']:
    f = getattr(operator, name)
    i = getattr(operator, 'i' + name.rstrip('_'))
    print(name, f(13, 5), f(True, 3), i(13, 5), end=' ')
    err(f, 'a', 1.5)
    err(i, [], 1.5)
print(operator.add('ab', 'cd'), operator.mul('ab', 3), operator.mod('%d!', 4), operator.pow(2, -1))
print(operator.add(V(1), 2), operator.iadd(V(1), 2), operator.matmul(V(1), 3), operator.imatmul(V(1), 3))
err(operator.matmul, 1, 2)
err(operator.imatmul, 1, 2)
err(operator.truediv, 1, 0)
err(operator.ipow, 'a', 2)
l = [1]
print(operator.iadd(l, [2]) is l, l, operator.iconcat(l, (3,)), operator.concat((1,), (2,)))
err(operator.concat, 1, 2)
err(operator.iconcat, 1, [])
err(operator.concat, [1], (2,))
err(operator.concat, {}, {})
print('compare')
for name in ['lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(operator, name)
    print(name, f(1, 2), f(2.5, 2), f('a', 'b'), f([1, 2], [1, 2]), end=' ')
    err(f, 1, 'a')
print(operator.lt(V(1), 0), operator.gt(0, V(1)), operator.eq(float('nan'), float('nan')))
print('unary')
print(operator.neg(5), operator.pos(-2.5), operator.inv(5), operator.invert(-1), operator.abs(-3),
      operator.abs(-2.5), operator.abs(-2 ** 70), operator.neg(V(0)), operator.abs(V(0)), operator.abs(3 + 4j))
err(operator.neg, 'x')
err(operator.invert, 1.5)
err(operator.abs, 'x')
err(operator.pos, [])
print(operator.not_(0), operator.not_([1]), operator.truth(''), operator.truth(V(1)))
err(operator.truth, type('B', (), {'__bool__': lambda s: 2})())
x, y = [], []
print(operator.is_(x, x), operator.is_(x, y), operator.is_not(x, y), operator.is_not(None, None))
print('index')
print(operator.index(5), operator.index(True), operator.index(V(0)), operator.index(2 ** 80))
err(operator.index, 1.5)
err(operator.index, 'x')
err(operator.index, type('Bad', (), {'__index__': lambda s: 'no'})())
print('items')
d = {'a': 1}
print(operator.getitem(d, 'a'), operator.getitem([1, 2, 3], -1), operator.getitem('abc', slice(1, None)),
      operator.getitem(V(0), 9))
operator.setitem(d, 'b', 2)
print(operator.setitem(d, 'c', 3), d, operator.delitem(d, 'a'), d)
err(operator.getitem, d, 'zz')
err(operator.getitem, [1], 5)
err(operator.getitem, 5, 1)
err(operator.setitem, (1,), 0, 1)
err(operator.delitem, 'ab', 0)
err(operator.getitem, [1], 'x')
print('sequences')
print(operator.contains([1, 2], 2), operator.contains('abc', 'bc'), operator.contains(d, 'b'),
      operator.contains(iter(range(5)), 3))
err(operator.contains, 5, 1)
err(operator.contains, 'abc', 1)
nan = float('nan')
print(operator.countOf([1, 2, 1, 1.0, True], 1), operator.countOf([nan, nan], nan), operator.countOf('', 'a'),
      operator.countOf(iter([3, 3]), 3))
print(operator.indexOf([5, 6, 7], 7), operator.indexOf('abc', 'b'), operator.indexOf([nan], nan))
err(operator.indexOf, [1, 2], 3)
err(operator.indexOf, 5, 3)
err(operator.countOf, None, 3)
print('length_hint')


class H:
    def __init__(self, h):
        self.h = h

    def __length_hint__(self):
        return self.h


class LenErr:
    def __len__(self):
        raise TypeError('nope')

    def __length_hint__(self):
        return 4


print(operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])), operator.length_hint(5),
      operator.length_hint(5, 9), operator.length_hint(H(3)), operator.length_hint(H(NotImplemented), 2),
      operator.length_hint(LenErr()), operator.length_hint(iter(range(10))), operator.length_hint(x for x in []))
err(operator.length_hint, H(-1))
err(operator.length_hint, H('a'))
err(operator.length_hint, H(1.5))
err(operator.length_hint, 5, 'a')
err(operator.length_hint)
err(operator.length_hint, 1, 2, 3)
print('call')
print(operator.call(max, 3, 9, 2), operator.call(dict, a=1), operator.call(sorted, [3, 1], reverse=True))
err(operator.call)
err(operator.call, 5)
print('argument errors')
err(operator.add, 1)
err(operator.add, 1, 2, 3)
err(operator.add, a=1, b=2)
err(operator.not_)
err(operator.neg, 1, 2)
err(operator.setitem, [], 0)
err(operator.truth, x=1)
err(_operator._compare_digest, 'a', 'a')
print(_operator._compare_digest(b'ab', b'ab'), _operator._compare_digest('ab', 'ax'))

print('itemgetter')
g = operator.itemgetter(1)
g2 = operator.itemgetter(0, -1, slice(1, 3))
print(g, g2, operator.itemgetter('k'), operator.itemgetter(V(0)))
print(g([5, 6]), g('xy'), g({1: 'one'}), g2([1, 2, 3, 4]), g2('hello'))
print(sorted([(1, 'b'), (2, 'a'), (0, 'c')], key=g))
err(g, [1])
err(g, {})
err(g, 5)
err(g)
err(g, 1, 2)
err(g, obj=1)
err(operator.itemgetter)
err(operator.itemgetter, key=1)
print(g.__reduce__(), g2.__reduce__())
for obj in [g, g2]:
    for c in [copy.copy(obj), copy.deepcopy(obj), pickle.loads(pickle.dumps(obj, 2))]:
        print(' ', c, type(c) is operator.itemgetter, c([10, 20, 30]))
l = []
rg = operator.itemgetter(l)
l.append(rg)
print(rg)
try:
    class Sub(operator.itemgetter):
        pass
except TypeError:
    print('not subclassable')

print('attrgetter')


class A:
    x = 1
    y = V(2)

    class b:
        c = 'deep'

        class d:
            e = 'deeper'


a = A()
ag = operator.attrgetter('x')
ag2 = operator.attrgetter('b.c', 'x', 'b.d.e')
print(ag, ag2, ag(a), ag2(a), operator.attrgetter('y.v')(a), operator.attrgetter('real')(5))
err(ag, 5)
err(operator.attrgetter('b.nope'), a)
err(operator.attrgetter('b..c'), a)
err(operator.attrgetter, 1)
err(operator.attrgetter, 'a', 2)
err(operator.attrgetter)
err(operator.attrgetter, name='x')
err(ag)
err(ag, a, a)
err(ag, o=a)
print(ag.__reduce__(), ag2.__reduce__())
for obj in [ag, ag2]:
    for c in [copy.copy(obj), pickle.loads(pickle.dumps(obj, 2))]:
        print(' ', c, type(c) is operator.attrgetter, c(a))

print('methodcaller')
m0 = operator.methodcaller('upper')
m1 = operator.methodcaller('split', ',', 1)


class Magnitude:
    def __call__(self, x):
        return abs(x)

    def __repr__(self):
        return 'Magnitude()'


class M:
    def m(self, a=1):
        return a


m2 = operator.methodcaller('sort', key=Magnitude(), reverse=True)
m3 = operator.methodcaller('get', 'k', 'dflt')
print(m0, m1, m2, m3, operator.methodcaller('f', V(1), k=[1], z='s'))
print(m0('abc'), m1('a,b,c'), m3({}), m3({'k': 1}))
lst = [3, -5, 1]
print(m2(lst), lst)
err(m0, 5)
err(m0)
err(m0, 'a', 'b')
err(m0, x='a')
err(operator.methodcaller)
err(operator.methodcaller, 5)
err(operator.methodcaller, name='x')
err(operator.methodcaller('m', bad=1), M())
print(operator.methodcaller('m', a=5)(M()))
print(m0.__reduce__(), m1.__reduce__())
r = m2.__reduce__()
print(type(r[0]).__name__, r[0].func is operator.methodcaller, r[0].args, sorted(r[0].keywords), r[1])
for obj in [m0, m1, m2, m3]:
    for c in [copy.copy(obj), copy.deepcopy(obj), pickle.loads(pickle.dumps(obj, 2))]:
        arg = {'c': 'cc'} if obj is m3 else [4, -9, 2] if obj is m2 else 'x,y,z'
        print(' ', repr(c), c(arg), arg)
ml = []
rm = operator.methodcaller('f', ml, k=ml)
ml.append(rm)
print(rm)

print('random')
import random
random.seed(5)
print([random.randint(1, 100) for _ in range(5)], random.randrange(3, 30, 3), random.choice('abc'))
err(random.randrange, 0, 10, 0)
err(random.randrange, 5, 5)
print(random.randrange(10 ** 20) < 10 ** 20, random.randrange(True, 3))
