# memoryview over bytes and bytearray: items, slices, cast between byte and native formats,
# a live view of a bytearray, release/with, hashing, errors; and what it unblocks in re/base64.
m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides)
print(m.tolist(), bytes(m[2:]), m.hex(), m == b"abcdef", m[1:3] == b"bc", m.obj, list(m[:2]))
c = memoryview(bytes(range(8))).cast("I")
print(c.format, c.itemsize, len(c), c.tolist(), c.cast("B").tolist()[:4], memoryview(b"\x01\x00\x02\x00").cast("h").tolist())
ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = 74
v[1:3] = b"EL"
print(ba, v.readonly, v.tobytes())
ba[4] = 33
print(v.tobytes(), hash(memoryview(b"ab")) == hash(b"ab"))
with memoryview(b"xy") as w:
    print(w.tobytes())
for call in [lambda: w.tobytes(), lambda: memoryview("s"), lambda: memoryview(b"abc").cast("I"), lambda: memoryview(b"ab")[5],
             lambda: memoryview(b"ab").__setitem__(0, 1), lambda: v.__setitem__(0, 300), lambda: hash(v),
             lambda: memoryview(b"abcd").cast("I").cast("h")]:
    try:
        print(call())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
import base64
import re

# What needed it: re's big charsets (IGNORECASE ranges, \w with non-ASCII) and base64.encodebytes.
print(re.match(r"[a-z]+", "ABC", re.I), re.findall(r"\w+", "Straße Ünïcode", re.I), base64.encodebytes(b"x" * 60))
print(re.sub(r"[à-ÿ]", "?", "àbç"), re.findall(r"[^\u0100-\u017f]+", "aĀbĂc"))
