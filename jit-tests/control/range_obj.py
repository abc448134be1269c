# range objects
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5)), list(range(0)), list(range(-3)), list(range(5, 0, -1)), list(range(0, 10, 4)), list(range(-5, -1)))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), len(range(10 ** 15)))
print(range(10 ** 20)[-1], reversed(range(3)).__class__.__name__, list(reversed(range(1, 8, 3))))
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)), hash(range(3)) == hash(range(0, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
print(sum(range(1001)), max(range(7)), sorted(range(3), reverse=True), list(enumerate(range(2))))
