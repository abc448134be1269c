# min, max, sum, abs, any, all
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min((2, "b"), (2, "a")), max([1], [1, 0]))
print(min([], default="empty"), max([], default=None), min([7], default=0), max(iter([1, 9, 3])))
print(min("apple", "fig", "banana", key=len), max(["apple", "fig", "kiwi"], key=len), max([-5, 3], key=abs))
print(min([(1, "z"), (0, "y")], key=lambda p: p[1]), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), max(2, 2.0), min(0, -0.0))
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, "a"), lambda: min([], key=len)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum((x for x in range(5)), start=100))
print(sum([1, 2.5]), sum([True, True]), sum(range(10 ** 5)), sum([1 + 1j, 2]), sum([], 0.0))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(abs(-5), abs(5), abs(-2.5), abs(3 + 4j), abs(-0.0), abs(True), abs(-(10 ** 30)))
print(any([0, "", None]), any([0, 1]), any([]), all([1, "x"]), all([1, 0]), all([]), any(iter([0, 0, 3])))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]), all(noisy(v) for v in [1, 0, 5]))
