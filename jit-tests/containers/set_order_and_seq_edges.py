# sets: CPython iteration order for ints
s = set()
for x in [5, 13, 21, 3, 100, -7, 64, 0, 8, 16]:
    s.add(x)
print(s)
s.discard(13); s.add(29); print(s)
print(set(range(20, 0, -3)), {-1, -2, 5}, {100, 200, 9, 1000000})
t = set(range(10)); t.discard(3); t.add(33); print(t, t.pop(), t.pop(), t)
a = {1, 2, 3, 4, 5, 40, 72}; b = {4, 5, 6, 72, 99}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union([100, 3]), a.intersection(range(3, 50)), a.difference([1], {2}), a.symmetric_difference([1, 100]))
print(frozenset([3, 1, 2]), frozenset(), hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({(1, 2), 3})))
fs = frozenset([1, 2]); print(fs | {3}, {3} | fs, fs.copy() is fs)
c = a.copy(); c &= {1, 2, 72, 1000}; print(c); c |= {7, 8}; print(c); c -= {1}; print(c); c ^= {2, 99}; print(c)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), {1, 2} == frozenset([2, 1]), {1} != {1})
print(set([1, 2, 3]).issubset([1, 2, 3, 4]), {1, 2}.issuperset((1,)), {1}.isdisjoint([2, 3]))
print({(1, 2), (3, 4)} == {(3, 4), (1, 2)}, {1.0, 1, True}, {0, False, 0.0})
print(set("abc") == set("cab"), len({"a", "b", "a"}))
class S(set): pass
print(S([3, 1]), S(), type(S([1]) | {2}).__name__)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
try:
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print({frozenset([1]): 1}[frozenset([1])], {1, 2} in [{2, 1}], frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
big = set(range(100)); big -= set(range(5, 95)); print(big)
print(sorted({5, 3, 9}), list({7: 1, 3: 2}), sum({1, 2, 3}))
# lists
l = [5, 3, 8, 1]
l.sort(); print(l); l.sort(reverse=True); print(l)
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
l = list(range(10)); l[2:5] = ['x']; print(l); l[::3] = [0, 0, 0]; print(l); del l[::2]; print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError", e)
l = [1, 2, 3]; l += (4, 5); l *= 2; print(l, l.count(1), l.index(4), l.index(4, 4))
try:
    l.index(42)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
l = [1]; l.append(l); print(l)
d = {'a': 1}; d['self'] = d; print(d)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [], [1] == [1.0])
print(list(reversed([1, 2, 3])), list(enumerate('ab', 5)), list(zip('abc', [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(None, [0, 1, '', 'x'])))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError", e)
print(max([3, 1, 4], key=lambda x: -x), min('bca'), max([], default='empty'), max(1, 2, key=str))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
print(any([0, 0, 1]), all([]), all([1, 0]), len(range(0, 100, 7)))
r = range(-5, 50, 4)
print(r, r[3], r[-1], r[2:6], r[::-1], 7 in r, 11 in r, r.index(11), r.count(3), len(r), list(r[:3]), reversed(range(3)).__length_hint__())
print(range(0) == range(5, 5), range(1, 2) == range(1, 5, 10), hash(range(3)) == hash(range(0, 3)), bool(range(0)))
print(slice(1, 5, 2), slice(3).indices(10), [0, 1, 2, 3, 4][slice(None, None, -2)], slice(1, 2) == slice(1, 2))
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t.index(2), t.count(3), (1,), (), hash((1, 2)), hash(()), hash((1, (2, 'x'))) == hash((1, (2, 'x'))))
