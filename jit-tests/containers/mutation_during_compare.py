l = [3, 1, 2]
def k(x):
    l.append(x)
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print("ValueError:", e, l)
class Evil:
    def __init__(self, target): self.target = target
    def __eq__(self, o):
        self.target.clear()
        return False
    def __hash__(self): return 1
lst = [1, 2, 3]
print(Evil(lst) in lst, lst)
lst = [1, 2, 3]
try:
    lst.index(Evil(lst)) if False else lst.index(4)
except ValueError as e:
    print("ValueError:", e)
d = {}
e1 = Evil(d)
d[e1] = 1
print(Evil(d) in d, d)
s = set()
s.add(Evil(s))
print(Evil(s) in s, s)
class Bad:
    def __lt__(self, o): raise RuntimeError("no compare")
try:
    sorted([Bad(), Bad()])
except RuntimeError as e:
    print("RuntimeError:", e)
a = [1, 2]
class Grow:
    def __eq__(self, o):
        a.append(9)
        return False
print(a.count(Grow()) if False else 'skip', [Grow()] == [Grow()], len(a))
x = [[]]
x[0].append(x)
print(x, repr(x))
t = (x,)
print(t)
