# tuples
t = (1, 2, 3, 2, 1)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(3), t.index(2, 2))
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), (1, 2) + (3,), (0,) * 3)
print(hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3), (1, 2, 3) > (1, 2), (1, "a") == (1, "a"))
a, b, c = (1, 2, 3)
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
lst = [1]
tt = (lst, 2)
lst.append(9)
print(tt)
try:
    tt[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    tt += 1
except TypeError as e:
    print("TypeError:", e)
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
print(repr((1,)), repr(()), str((None, True)), (1, 2) == [1, 2])
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()])
print(sorted([(2, "b"), (1, "c"), (2, "a")]), max([(1, 9), (2, 0)]), min((3, 1, 2)))
print(tuple(x * 2 for x in t), sum(t), 2 in t, 5 not in t)
x = 1, 2
y = 3,
print(x, y, type(y).__name__)
