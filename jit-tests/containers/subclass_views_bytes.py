class L(list):
    def extra(self): return len(self) * 2
l = L([3, 1, 2]); l.append(0); l.sort()
print(l, type(l).__name__, l.extra(), l[1:], type(l[1:]).__name__, isinstance(l, list), len(l), l == [0, 1, 2, 3])
print(list.append, list.__len__(l), L.__mro__ if hasattr(L, '__mro__') else '')
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d, len(d), 'zz' in d)
class Count(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 10)
c = Count(); c['x'] = 1; print(c)
class S(str):
    def shout(self): return self.upper() + '!'
s = S('hi'); print(s, s.shout(), s + 'x', type(s + 'x').__name__, repr(s), len(s), s == 'hi', {s: 1}['hi'])
class T(tuple): pass
t = T([1, 2]); print(t, t[0], len(t), hash(t) == hash((1, 2)), type(t).__name__)
class I(int): pass
class FS(frozenset): pass
print(FS([1, 2]), FS() == frozenset())
print(list.__getitem__([1, 2], 0), str.upper('ab'), dict.fromkeys('ab', 0), tuple.count((1, 1), 1))
try:
    list.append(1, 2)
except TypeError as e:
    print(e)
print(sorted(set('hello')), ''.join(sorted({'b': 1, 'a': 2})), list(reversed(range(3))), list(reversed((1, 2))))
d = {1: 'a', 2: 'b', 3: 'c'}
print(d.keys() & {1, 5}, d.keys() | [9], d.keys() - {1}, d.keys() ^ {1, 7}, {2} & d.keys(), d.items() & {(1, 'a')}, d.keys() == {1, 2, 3}, d.values())
print(list(reversed(d)), list(reversed(d.values())), d.keys().isdisjoint([7]), 1 in d.keys(), (1, 'a') in d.items(), 'a' in d.values())
it = iter(d); next(it); print(it.__length_hint__(), list(it))
try:
    for k in d: del d[k]
except RuntimeError as e:
    print(e)
x = {}; x.update([(1, 2)], y=3); x.update({4: 5}); x |= [(6, 7)]; print(x, x | {1: 0}, {0: 0} | x)
print(dict(zip('ab', range(2))), dict([('a', 1)], b=2), dict.fromkeys(range(3)), {}.setdefault('k', []), x.pop(1), x.popitem())
print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytearray(b'abc').upper(), b'abc'[1], b'abc'[1:], b'a,b'.split(b','), b' x '.strip(), b'x' * 3, b'%d-%s' % (5, b'z'))
ba = bytearray(b'hello'); ba[0] = 72; ba.append(33); ba.extend([63]); del ba[1]; ba[1:3] = b'LL'; print(ba, ba.pop(), len(ba), ba.hex(), bytes.fromhex('41 42'), b'ab'.hex(':'))
print(b'\x00\xff\'"'.__repr__(), repr(bytearray(b"'")), b'abc'.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'\xe9'.decode('latin-1'), 'é'.encode('latin-1'))
print(b'abc' < b'abd', b'a' in b'abc', 97 in b'abc', b'abc'.find(b'c'), b'abc'.count(b'b'), b'abc'.replace(b'b', b'XY'), b'a-b'.partition(b'-'), list(b'ab'), b''.join([b'a', bytearray(b'b')]))
