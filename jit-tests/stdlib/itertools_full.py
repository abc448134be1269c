# itertools: every function and type, edge cases, reprs, subclassing, argument errors
import itertools as it
import operator

def take(n, i):
    return list(it.islice(i, n))

# count
c = it.count()
print(take(3, c), repr(c), repr(it.count(5)), repr(it.count(5, 2)), repr(it.count(1.5, 0.5)))
print(repr(it.count(0, 1.0)), take(3, it.count(1.5, 0.5)), take(3, it.count(10, -3)))
print(take(2, it.count(2**70)), repr(it.count(start=3, step=-1)))
c = it.count(7); next(c); next(c); print(repr(c))
# cycle
print(take(7, it.cycle('abc')), list(it.cycle([])), take(4, it.cycle(iter([1, 2]))))
# repeat
r = it.repeat('x', 3)
print(repr(r), r.__length_hint__(), list(r), repr(r), r.__length_hint__())
print(list(it.repeat(1, -5)), take(3, it.repeat(None)), repr(it.repeat([1], times=2)), list(it.repeat(object=2, times=2)))
print(list(map(pow, range(5), it.repeat(2))))
# accumulate
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=5)), list(it.accumulate([])))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate(['a', 'b', 'c'])), list(it.accumulate([1, 2], func=None, initial=None)))
# chain
print(list(it.chain('ab', [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(['ab', 'cd'])))
print(list(it.chain.from_iterable([])), it.chain[int])
ch = it.chain.from_iterable(iter([[1], 5, [2]]))
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print('TypeError', e)
# compress
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress('ABC', [1])), list(it.compress(data=[1, 2], selectors=[0, 1])))
# dropwhile / takewhile / filterfalse
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None, []])))
tw = it.takewhile(lambda x: x < 3, iter(range(10)))
print(list(tw), list(tw))
# groupby
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([k for k, g in it.groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
gb = it.groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), list(g2), [k for k, g in gb])
print(list(it.groupby([])), [(k, list(g)) for k, g in it.groupby([1, 1.0, True, 2])])
print(type(g1).__name__, type(gb).__name__)
# islice
print(list(it.islice('ABCDEFG', 2)), list(it.islice('ABCDEFG', 2, 4)), list(it.islice('ABCDEFG', 2, None)), list(it.islice('ABCDEFG', 0, None, 2)))
print(list(it.islice(range(10), 1, 8, 3)), list(it.islice(range(3), 10)), list(it.islice(range(5), None)), list(it.islice(range(5), 3, 1)))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
# pairwise
print(list(it.pairwise('ABCDE')), list(it.pairwise('A')), list(it.pairwise([])))
# starmap
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: sum(a), [[1, 2, 3], (), 'a' and (4,)])))
# tee
a, b = it.tee([1, 2, 3])
print(next(a), list(b), list(a), type(a).__name__)
a, b, c = it.tee(iter('xyz'), 3)
print(list(a), list(b), list(c), it.tee([1], 0))
a, b = it.tee(range(5))
a2, = it.tee(a, 1)
print(next(a), next(a2), list(a2), list(b))
a, b = it.tee([1, 2])
c = a.__copy__()
print(list(a), list(c), list(b))
t = it.tee(iter([1, 2, 3]))[0]
print(t is iter(t), list(it._tee(t)), list(t))
# zip_longest
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest('ab', [1, 2, 3])), list(it.zip_longest()))
print(list(it.zip_longest([], [])), list(it.zip_longest('a', fillvalue=0)))
# product
print(list(it.product('AB', 'xy')), list(it.product(range(2), repeat=3))[:4], len(list(it.product(range(3), range(4)))))
print(list(it.product()), list(it.product('ab', [])), list(it.product('ab', repeat=0)), list(it.product([1, 2], repeat=1)))
# permutations
print(list(it.permutations('ABC', 2)), len(list(it.permutations(range(4)))), list(it.permutations([1, 2, 3]))[:3])
print(list(it.permutations('AB', 3)), list(it.permutations('AB', 0)), list(it.permutations([])), list(it.permutations('abc', r=1)))
# combinations
print(list(it.combinations('ABCD', 2)), list(it.combinations(range(4), 3)), list(it.combinations('AB', 3)), list(it.combinations('AB', 0)))
print(list(it.combinations([], 0)), list(it.combinations(iterable='abc', r=2)), len(list(it.combinations(range(10), 5))))
# combinations_with_replacement
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement('AB', 3)))
print(list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement('a', 0)))
# laziness: iterators are consumed only as needed
def gen():
    for i in range(5):
        print('gen', i)
        yield i
z = it.zip_longest(gen(), 'ab')
print(next(z))
s = it.islice(gen(), 1, 2)
print(list(s))
# subclassing
class Counter(it.count):
    pass
class MyChain(it.chain):
    def __init__(self, *a):
        self.n = len(a)
cc = Counter(3)
print(repr(cc), next(cc), type(cc).__name__, isinstance(cc, it.count))
mc = MyChain('ab', 'c')
print(list(mc), mc.n)
class R(it.repeat):
    pass
print(repr(R(1, 2)))
# types are iterators
for obj in (it.count(), it.cycle('a'), it.repeat(1), it.chain(), it.islice([], 1), it.product(), it.tee([])[0]):
    print(type(obj).__name__, iter(obj) is obj, hasattr(obj, '__next__'))
print(it.count.__module__, it.count.__name__)
# errors
def t(f):
    try:
        r = f()
        print('ok', take(5, r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: it.count('a'))
t(lambda: it.count(1, 'a'))
t(lambda: it.count(1, 2, 3))
t(lambda: it.count(x=1))
t(lambda: it.cycle())
t(lambda: it.cycle(1))
t(lambda: it.cycle([1], x=1))
t(lambda: it.repeat())
t(lambda: it.repeat(1, 'a'))
t(lambda: it.repeat(1, 2.0))
t(lambda: it.repeat(1, 2, 3))
t(lambda: len(it.repeat(1)))
t(lambda: it.repeat(1).__length_hint__())
t(lambda: it.accumulate())
t(lambda: it.accumulate([1], x=1))
t(lambda: it.accumulate(1))
t(lambda: it.accumulate([1, 'a']))
t(lambda: it.chain(1))
t(lambda: it.chain(x=1))
t(lambda: it.chain.from_iterable())
t(lambda: it.compress([1]))
t(lambda: it.compress(1, [1]))
t(lambda: it.dropwhile(None))
t(lambda: it.dropwhile(None, [1], x=1))
t(lambda: it.takewhile(len))
t(lambda: it.filterfalse(None))
t(lambda: it.filterfalse(None, 1))
t(lambda: it.groupby())
t(lambda: it.groupby([1], k=1))
t(lambda: it.islice([1]))
t(lambda: it.islice([1], 1, 2, 3, 4))
t(lambda: it.islice([1], -1))
t(lambda: it.islice([1], 'a'))
t(lambda: it.islice([1], -1, 3))
t(lambda: it.islice([1], 0, 3, 0))
t(lambda: it.islice([1], 0, 3, -1))
t(lambda: it.islice([1], 0, 3, 'a'))
t(lambda: it.islice([1], stop=3))
t(lambda: it.islice(1, 3))
t(lambda: it.islice([1, 2], None, None, None))
t(lambda: it.pairwise())
t(lambda: it.pairwise(1))
t(lambda: it.starmap(len))
t(lambda: it.starmap(len, [1]))
t(lambda: it.tee())
t(lambda: it.tee([1], -1))
t(lambda: it.tee([1], 'a'))
t(lambda: it.tee(1))
t(lambda: it.zip_longest(x=1))
t(lambda: it.zip_longest(1))
t(lambda: it.product(1))
t(lambda: it.product([1], repeat=-1))
t(lambda: it.product([1], rep=1))
t(lambda: it.product([1], repeat='a'))
t(lambda: it.permutations())
t(lambda: it.permutations([1], -1))
t(lambda: it.permutations([1], 'a'))
t(lambda: it.permutations(1))
t(lambda: it.permutations([1, 2], None))
t(lambda: it.combinations([1]))
t(lambda: it.combinations([1], -1))
t(lambda: it.combinations(1, 2))
t(lambda: it.combinations_with_replacement([1], -1))
t(lambda: it.combinations_with_replacement([1]))
t(lambda: it.count()[0])
