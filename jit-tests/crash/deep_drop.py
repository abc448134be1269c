# Freeing structures nested a million deep (CPython's "trashcan"): no stack overflow.
import gc

x = []
for _ in range(1000000):
    x = [x]
del x
print("list freed")

d = {}
for _ in range(1000000):
    d = {"k": d}
d = None
print("dict freed")

t = ()
for _ in range(1000000):
    t = (t, 1)
t = 0
print("tuple freed")


class Node:
    pass


n = None
for _ in range(300000):
    m = Node()
    m.next = n
    n = m
del n, m
print("objects freed")

c = []
for _ in range(300000):
    c = [c]
    c.append(c)
del c
print("collected", gc.collect() > 0)
