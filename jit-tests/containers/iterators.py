print(type(iter('abc')).__name__, type(iter('é')).__name__, type(reversed([])).__name__, type(reversed((1,))).__name__, type(iter(range(2**70))).__name__, type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter(set())).__name__, type(iter(b'')).__name__, type(iter(bytearray())).__name__, type(iter(range(3))).__name__, type(iter([])).__name__, type(iter(())).__name__)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(len, [])).__name__, type(filter(None, [])).__name__, type(reversed(range(3))).__name__, type({}.keys()).__name__)
e = enumerate('abc'); print(next(e), list(e), list(e))
z = zip('ab', 'cd', 'ef'); print(list(z), list(zip()), list(zip([1, 2, 3])))
m = map(str.upper, 'ab'); print(list(m), list(map(pow, [2, 3], [3, 2])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, '', None, [], 3])))
r = reversed([1, 2, 3]); print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
it = iter([1, 2, 3]); print(it.__length_hint__(), next(it), it.__length_hint__(), iter(it) is it)
print(list(range(10, 0, -3)), list(range(-3)), list(range(2**62, 2**62 + 3)), list(reversed(range(2**62, 2**62 + 2))), list(reversed(range(1, 10, 4))))
print(range(0, 10, 3)[-1], range(10)[-3:], range(2**64)[2**63], range(10)[::-2], list(range(10)[1:8:3]), range(3) == range(0, 3, 1), range(0, 3, 2) != range(0, 4, 2))
print(sum(range(101)), max(range(5)), min(range(5), key=lambda x: -x), list(enumerate(range(3), -1)))
class C:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(C(), 4)))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
print(list(Seq()), list(reversed(Seq())), 20 in Seq(), sorted(Seq(), reverse=True))
class Rev:
    def __reversed__(self): return iter('zyx')
print(list(reversed(Rev())))
d = {'a': 1, 'b': 2}
ki = iter(d.items()); print(next(ki), ki.__length_hint__())
l = [1, 2, 3]
for x in l:
    if x == 1: l.append(4)
print(l)
nested = [[1, 2], [3]]; print([y for x in nested for y in x], list(zip(*nested)), dict(enumerate('ab')))
print(list(map(lambda *a: a, 'ab', 'cde')), any(x > 2 for x in l), all(x > 0 for x in l))
print(str(list(range(3))), repr(tuple('ab')), repr([1.5, 'x', None, True, (1,), {}, set(), frozenset()]))
