class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 'x'
    def __repr__(self):
        return 'MyList(' + super().__repr__() + ')'
m = MyList([1, 2]); m.extend([3]); print(m, m.tag, len(m), m[0], list(m), m + [4], sorted(m, reverse=True))
class Stack(list):
    push = list.append
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2); print(s.peek(), s.pop(), s)
class OD(dict):
    def __repr__(self): return 'OD' + dict.__repr__(self)
o = OD(a=1); o['b'] = 2; print(o, list(o.items()), o.get('a'), len(o))
class Word(str):
    def __new__(cls, v):
        return super().__new__(cls, v.lower())
w = Word('HeLLo'); print(w, w.upper(), type(w).__name__, w == 'hello', w[1:3], len(w))
class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = P(3, 4); print(p, p.x, p[1], p + (5,), type(p).__name__, hash(p) == hash((3, 4)))
class Bag(set):
    def add_all(self, *xs):
        for x in xs: self.add(x)
b = Bag(); b.add_all(3, 1, 2); print(b, len(b), 2 in b, b | {9}, type(b | {9}).__name__)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter(); c['a'] += 1; c['a'] += 1; print(c, c['zzz'])
print(isinstance(m, list), issubclass(Word, str), type(iter(m)).__name__)
