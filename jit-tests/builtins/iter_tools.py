# len, range, enumerate, zip, map, filter, sorted, reversed
print(len([1, 2]), len("abc"), len({1: 2}), len(set()), len(range(10)), len(b"xy"), len((1,)))
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([], reverse=True))
print(sorted([-3, 2, -1], key=abs), sorted(["B", "a", "C"], key=str.lower, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
m = map(lambda x: x * 2, range(3))
print(type(m).__name__, next(m), list(m), list(m))
z = zip("ab", range(5))
print(type(z).__name__, list(z))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"))
print(list(map(len, ["a", "bb"])), dict(zip("ab", map(ord, "ab"))))
