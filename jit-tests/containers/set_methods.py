# set and frozenset methods (ints only: print sorted for strings)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference([1], [2])), sorted(a.symmetric_difference([1, 10])))
print(a.isdisjoint({7}), a.issubset(range(10)), a.issuperset([1, 2]), {1} < a, a <= a, a > {1, 2})
s = set()
s.add(5); s.add(5); s.add(1)
print(sorted(s), len(s))
s.update([7, 8], {9})
print(sorted(s))
s.discard(100); s.discard(7); s.remove(8)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
c = s.copy()
c.intersection_update({1, 5, 42})
print(sorted(c), sorted(s))
c.difference_update({1})
print(sorted(c))
c.symmetric_difference_update({5, 6})
print(sorted(c))
p = {10}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
s.clear(); print(s, set(), repr(set()), frozenset())
f = frozenset([3, 1, 2])
print(sorted(f), f | {9} == frozenset({1, 2, 3, 9}), type(f | {9}).__name__, type({9} | f).__name__)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "ok"}[frozenset({1, 2, 3})], f.copy() is f)
print(sorted(f.union([4])), sorted(f.intersection([1])), sorted(f.difference([1])), sorted(f.symmetric_difference([1, 5])))
print(f.isdisjoint([0]), f.issubset([1, 2, 3]), f.issuperset([]), frozenset() == set())
words = {"pear", "apple", "fig"}
print(sorted(words), "fig" in words, len(words | {"kiwi"}))
print({1, 2} == {2, 1}, {1, 2} != {1}, {x % 3 for x in range(10)} == {0, 1, 2})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(set("aab") == {"a", "b"}, sorted(set([3, 3, 1])), {1, 2, 3} - {2} == {1, 3})
print(repr({1, 2, 3}), repr(frozenset({5})), str({0}))
