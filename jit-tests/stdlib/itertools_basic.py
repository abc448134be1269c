# itertools
import itertools as it
print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)))
print(list(it.chain([1, 2], (3,), "ab")), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)))
print(list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2)))
print(list(it.combinations(range(4), 2)), list(it.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], list(it.zip_longest([1, 2], "a", fillvalue="-")))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.filterfalse(lambda x: x % 2, range(6))), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.pairwise("abcd")) if hasattr(it, "pairwise") else [])
