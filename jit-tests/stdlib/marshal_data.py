# marshal for data values: CPython's format both ways (flags, back-references, interned
# strings, long ints), round trips, dump/load on files, and its errors; code objects
# are refused by pylift (its code objects are not CPython's), so none are marshalled here.
import marshal
print(marshal.version, [n for n in dir(marshal) if not n.startswith('__')])
for v in [None, True, False, 1, -1, 2**31-1, 2**31, 2**40, -2**70, 1.5, -0.0, 1j, 'a', 'é', 'x'*300, b'x', bytearray(b'ab'), (1,2), (), [1, [2]], {1:2, 'a': (3,)}, {1}, frozenset({2, 3}), ..., StopIteration]:
    d = marshal.dumps(v)
    print(repr(v)[:20], d[:40], marshal.dumps(v, 2)[:40], marshal.loads(d) == v, type(marshal.loads(d)).__name__, marshal.loads(marshal.dumps(v, 0)) == v)
t = ('shared', 'shared'); s = 'k'; print(marshal.loads(marshal.dumps((s, s, [s]))))
print(marshal.loads(b'\xa9\x02\xda\x01a\x72\x01\x00\x00\x00'))
for f in [lambda: marshal.dumps(object()), lambda: marshal.loads(b''), lambda: marshal.loads(b'X'), lambda: marshal.loads(b'i\x01'), lambda: marshal.dumps(1, 2, 3), lambda: marshal.loads('x'), lambda: marshal.dumps([object()]), lambda: marshal.loads(b'r\x05\x00\x00\x00'), lambda: marshal.loads(b'l\x01\x00\x00\x00\xff\xff')]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
import io
f = io.BytesIO(); marshal.dump({'a': [1, 2.5]}, f); marshal.dump('two', f); f.seek(0); print(marshal.load(f), marshal.load(f))
