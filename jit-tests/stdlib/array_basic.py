# array.array: every typecode, construction from lists/bytes/str/arrays, the list-like
# methods, slicing, bytes round trips, byteswap, comparisons, repr, buffers, and the
# conversion errors of arraymodule.c.
import array
import copy
import hashlib

print(array.typecodes, array.ArrayType is array.array)
for tc in array.typecodes:
    init = 'abc' if tc == 'u' else [1, 2, 3]
    a = array.array(tc, init)
    print(tc, a.itemsize, a, a.tolist(), len(a.tobytes()), a[1], a[-1], list(a), repr(a[::-1]))

d = array.array('d', [1.5, 2.25, -3.0])
total = 0.0
for i in range(len(d)):
    total += d[i] * 2
print(total, sum(d), d.index(2.25), d.count(1.5), 2.25 in d, 9 in d)
d.append(4)
d.extend([5, 6.5])
d.extend(array.array('d', [7]))
d.insert(0, 0.5)
d.insert(-1, 99)
d.insert(100, 100)
print(d, d.pop(), d.pop(0), d)
d.remove(99)
d.reverse()
print(d)
d[0] = 42
d[1:3] = array.array('d', [8, 9, 10])
print(d)
del d[0]
del d[::2]
print(d, d * 2, 2 * d, d + d)
d *= 2
d += array.array('d', [1])
print(d, len(d))

b = array.array('h', [1, -2, 300])
raw = b.tobytes()
print(raw)
c = array.array('h')
c.frombytes(raw)
c.byteswap()
print(c, c.tobytes())
c.fromlist([5, 6])
print(c, c.buffer_info()[1])
u = array.array('u', 'hé')
u.fromunicode('llo')
print(u, u.tounicode(), u.tolist(), repr(array.array('u')))
print(array.array('b', b'\x01\xff'), array.array('B', bytearray(b'ab')), array.array('i', array.array('b', [1, 2])))
print(array.array('f', [1.1, 2.5]), array.array('L', [2 ** 64 - 1]), array.array('q', [-2 ** 63]), array.array('Q', [2 ** 64 - 1]))

x = array.array('i', [1, 2, 3])
y = array.array('i', [1, 2, 4])
print(x == y, x != y, x < y, x <= x, x > y, x == array.array('i', [1, 2, 3]), x == array.array('d', [1, 2, 3]), x == [1, 2, 3])
print(array.array('d', [float('nan')]) == array.array('d', [float('nan')]))
print(bytes(array.array('B', [65, 66])), hashlib.md5(array.array('i', [1, 2])).hexdigest())
print(copy.copy(x), copy.deepcopy(x), copy.copy(x) is x)
print(x.__reduce_ex__(2))


class MyArray(array.array):
    def total(self):
        return sum(self)


m = MyArray('i', [1, 2, 3])
print(m, m.total(), type(m[:2]).__name__, isinstance(m, array.array), len(m))

it = iter(array.array('b', [7, 8]))
print(next(it), list(it), list(it))

for tc in 'bBhHiIlLqQ':
    for v in (2 ** 70, -2 ** 70, 2 ** 31, -2 ** 31 - 1, 2 ** 63, -1, 300, -200):
        try:
            array.array(tc, [v])
        except OverflowError as e:
            print(tc, v, e)
bad = [
    lambda: array.array(5), lambda: array.array('x'), lambda: array.array('bb'), lambda: array.array('b', 'abc'),
    lambda: array.array('u', [1]), lambda: array.array('d', ['x']), lambda: array.array('b', [1.5]),
    lambda: array.array('u', ['ab']), lambda: array.array('b', array.array('u', 'a')),
    lambda: array.array('u', array.array('b', [1])),
    lambda: x.extend(array.array('b', [1])), lambda: x + [1], lambda: x + array.array('b'), lambda: x.index(9),
    lambda: x.remove(9), lambda: array.array('i').pop(), lambda: x.pop(9), lambda: x[9],
    lambda: x.__setitem__(slice(0, 1), [1]), lambda: x.frombytes(b'abc'), lambda: x.fromlist((1,)),
    lambda: x.tounicode(), lambda: x.fromunicode('x'), lambda: x.__setitem__(9, 1),
    lambda: x.__setitem__(slice(0, 3, 2), array.array('i', [1])),
    lambda: x.__delitem__(9), lambda: x['a'], lambda: x.frombytes('str'),
]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
