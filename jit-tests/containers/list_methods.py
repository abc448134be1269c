# list methods
a = [3, 1, 4, 1, 5]
a.append(9); print(a)
a.extend([2, 6]); print(a)
a.extend(range(2)); print(a)
a.insert(0, 100); a.insert(-1, 200); a.insert(99, 300); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(5), a.index(1, 2) if 1 in a[2:] else "-", a.count(1), a.count(42))
b = a.copy(); b.reverse(); print(a, b, a is b)
a.sort(); print(a)
a.sort(reverse=True); print(a)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower); print(words)
words.sort(key=len, reverse=True); print(words)
c = a[:]
c.clear(); print(c, len(a))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort(); print(pairs)
pairs.sort(key=lambda p: p[1]); print(pairs)
stable = [("x", 1), ("y", 0), ("z", 1), ("w", 0)]
print(sorted(stable, key=lambda p: p[1]))
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3), lambda: [1, "a"].sort()]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
nested = [[3, 2], [1], [3, 1]]
nested.sort(); print(nested)
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)))
x = [1, 2, 3]
x[len(x):] = [4, 5]; x[:0] = [0]; print(x)
del x[::2]; print(x)
x *= 2; print(x)
print([1, 2] * 2, [0] * 0, [[]] * 2, x + [9], [1, 2] == [1, 2], [1, 2] != [2, 1])
print(len([]), sum([1, 2, 3]), min([3, 2]), [1, 2, 3][-1], [1, 2, 3][::-1])
