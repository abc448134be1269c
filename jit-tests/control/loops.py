# while/for with else, break, continue
for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("for-else not run")
for i in range(3):
    pass
else:
    print("for-else runs, i =", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else runs, n =", n)
while True:
    n += 1
    if n > 5:
        break
else:
    print("never")
print("n =", n)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
for i in []:
    print("never")
else:
    print("empty for-else")
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            break
    else:
        return -1
    return i
print(find("hello", "l"), find("hello", "z"))
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print("pair", i, j)
    else:
        print("inner else never")
count = 0
while count < 10:
    count += 1
    if count % 3:
        continue
    print("multiple of 3:", count)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
for k in {"x": 1, "y": 2}:
    print(k)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
for i in range(3):
    i = 100
print(i)
for i in range(10, 0, -3):
    print(i, end=",")
print()
it = iter(range(10))
for x in it:
    if x == 2:
        next(it)
    print(x, end=" ")
print()
