# list slicing, aliasing, nested structures
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-2], a[8:2:-2], a[-100:100])
a[2:5] = []; print(a)
a[1:1] = [50, 51]; print(a)
a[::-1] = a[:]; print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
m = [[0] * 3] * 2
m[0][0] = 1
print(m)
m = [[0] * 3 for _ in range(2)]
m[0][0] = 1
print(m)
r = [1, 2]
r.append(r)
print(r, len(r))
lst = [1, 2, 3]
for i, v in enumerate(lst):
    lst[i] = v * 10
print(lst)
print([1, [2, [3, [4]]]][1][1][1][0])
s = slice(1, 8, 2)
print(a[s], s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
stack = []
for i in range(5):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
q = [1, 2, 3]
print(q.pop(0), q)
print(a.__len__(), a.__getitem__(0), [3, 1].__contains__(1), list.__name__)
try:
    a[100]
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
print([1, 2] < [1, 2, 3], [2] > [1, 100], [] < [0], [[1]] == [[1]])
print(list(map(abs, [-1, 2])), [*range(3), *"ab"], [*[], 1])
