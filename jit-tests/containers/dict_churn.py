d = {}
for i in range(100):
    d[i] = 1
    d.popitem()
print(d, 5 in d)
d = {}
for i in range(1000):
    d[i] = i
    if i % 3: del d[i]
print(len(d), sum(d))
