# marshal: CPython's bytes for every value kind it writes (type codes, FLAG_REF and
# TYPE_REF back-references, small tuples, short/interned ASCII strings, the version
# argument), loads of those bytes, the errors for bad data, dump/load on files.
import io
import marshal
import sys

print(marshal.version)

x = 1000
big = 2**70
s = "shared text"
lst = [1]
VALUES = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 256, 257, -5, -6, 1000, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
    2**62, -2**62, 2**63, 2**64, -(2**64), 10**30, -(10**30), big, [big, big],
    0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float("inf"), float("-inf"),
    1j, -0.0j, (1.5 + 2j), complex(0.0, -0.0),
    "", "a", "abc", "name_like_1", "with space", "é", "日本", "\U0001f600", "x" * 255, "y" * 256,
    "a b" * 100, s, [s, s],
    b"", b"\x00\xff", b"z" * 300, bytearray(b"ba"),
    (), (1,), (1, 2, "three"), tuple(range(10)) * 30, tuple([(), tuple([()])]),
    [], [1, [2, [3]]], [x, x, x], {}, {"k": 1, 2: [3]}, {1: {}},
    set(), {1, 2, 3}, frozenset(), frozenset({"a", "b"}), frozenset({1, 2, 300}),
    (None, True, ..., "a", "a"), [1.5, 1.5], [lst, lst],
]
for v in VALUES:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    same = back == v or (v != v and back != back)
    print(repr(v)[:60], data[:80], same, type(back).__name__)

# A self-referencing list: the reference to the list itself.
loop = [1]
loop.append(loop)
data = marshal.dumps(loop)
print(data)
back = marshal.loads(data)
print(back[1] is back, back[0])

# Shared objects stay shared; interned strings come back interned.
t = ([1.5], "key_name")
pair = marshal.loads(marshal.dumps((t, t)))
print(pair[0] is pair[1], pair[0][1] is sys.intern("key_name"))

# Versions: 0 has no references, 1 and 0 write floats as text, 2 binary floats, 3 adds
# references and interned strings, 4 the short forms.
for version in range(0, 5):
    print(version, marshal.dumps((1.5, 2j, "ab", "é", (x, x), 10**20), version))
    print(version, marshal.loads(marshal.dumps((1.5, 2j, "ab", "é", (x, x), 10**20), version)))
print(marshal.dumps(1, 99), marshal.dumps(1.1, 1), marshal.dumps(-1e300j, 0))

# Bad data.
for data in [b"", b"\x99", b"i\x01", b")\x02N", b"r\x05\x00\x00\x00", b"l\x02\x00\x00\x00\x01\x00",
             b"l\x01\x00\x00\x00\x00\x00", b"l\x01\x00\x00\x00\x00\x80", b"s\xff\xff\xff\xff",
             b"s\x05\x00\x00\x00ab", b"0", b")\x010", b"[\x01\x00\x00\x000", b"{N0", b"{0",
             b"u\x02\x00\x00\x00\xff\xfe", b"f\x03abc", b"(\xff\xff\xff\xff", b"\x00", b"c",
             b"iabcdNN", b"\xe9\x01\x00\x00\x00", b"[\x01\x00\x00\x00r\x00\x00\x00\x00",
             b")\x01" * 3000 + b"N"]:
    try:
        print(data[:20], repr(marshal.loads(data)))
    except Exception as e:
        print(data[:20], type(e).__name__, e)

# What cannot be written.
class I(int):
    pass

for v in [object(), [1, object()], I(3), {1: print}, range(3), 1 + 2j == 1]:
    try:
        print(marshal.dumps(v))
    except ValueError as e:
        print(type(e).__name__, e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print(type(e).__name__, e)

# Argument checks.
for call in [lambda: marshal.loads("str"), lambda: marshal.dumps(), lambda: marshal.dumps(1, 2, 3),
             lambda: marshal.loads(memoryview(b"i\x07\x00\x00\x00")), lambda: marshal.loads(bytearray(b"N"))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# dump/load on a file: values one after another, the position after each.
f = io.BytesIO()
for v in [5, "x", (1, 2), {"a": [1.5]}]:
    marshal.dump(v, f)
print(f.getvalue())
f.seek(0)
while True:
    try:
        v = marshal.load(f)
    except EOFError as e:
        print("EOFError", e)
        break
    print(v, f.tell())
