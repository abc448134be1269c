# CPython's struct over the native _struct: every format code, byte orders, native
# alignment, Struct objects, pack_into/unpack_from/iter_unpack, and struct.error texts.
import struct

codes = "xcbB?hHiIlLqQnNefdsp"
for order in "@=<>!":
    sizes = []
    for c in codes:
        try:
            sizes.append((c, struct.calcsize(order + c)))
        except struct.error as e:
            sizes.append((c, str(e)))
    print(order, sizes)
print(struct.calcsize("@bhiq"), struct.calcsize("=bhiq"), struct.calcsize("@ci"), struct.calcsize("@ic"), struct.calcsize("2x3s4p"))

vals = [b"a", -5, 200, True, -300, 60000, -70000, 4000000000, -2**40, 2**63, -2**62, 2**64 - 1]
for order in "<>!=@":
    fmt = order + "cbB?hHiIqQqQ"
    b = struct.pack(fmt, *vals)
    print(order, b.hex(), struct.unpack(fmt, b) == tuple(vals))
print(struct.pack("<l", -1), struct.pack("@l", -1), struct.pack("@n", -3), struct.unpack("@N", struct.pack("@N", 2**64 - 1)))
print(struct.pack("<e", 1.5), struct.pack(">e", -0.1), struct.unpack("<e", struct.pack("<e", 65504.0)), struct.pack("<e", 1e-8))
print(struct.pack("<f", 3.14), struct.unpack("<f", struct.pack("<f", 3.14)), struct.pack(">d", 2.5), struct.pack("<d", float("inf")))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\x00\xfc"), struct.pack("<e", 1 / 3))
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abc"), struct.pack("5p", b"abcdefg"), struct.unpack("5p", b"\x03abcd"), struct.pack("0s", b"x"))
print(struct.pack("?", []), struct.pack("?", [0]), struct.unpack("??", b"\x00\x07"), struct.pack("3x"), struct.pack("i", True))


class Idx:
    def __index__(self):
        return 7


print(struct.pack("<i", Idx()), struct.pack("<d", 3), struct.pack(b"<h", 1))

s = struct.Struct("<ih2s")
print(type(s).__name__, s.format, s.size, s.pack(1, 2, b"xy"), s.unpack(b"\x01\x00\x00\x00\x02\x00xy"))
buf = bytearray(12)
s.pack_into(buf, 2, 5, 6, b"zz")
struct.pack_into("<h", buf, 0, -1)
print(buf, s.unpack_from(buf, 2), struct.unpack_from("<h", buf), struct.unpack_from("<h", buf, offset=-2))
print(list(struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04")), list(s.iter_unpack(bytes(16))))

for call in [lambda: struct.pack("b", 200), lambda: struct.pack("B", -1), lambda: struct.pack("h", 70000),
             lambda: struct.pack("H", -1), lambda: struct.pack("i", 2**31), lambda: struct.pack("I", -1),
             lambda: struct.pack("I", 2**32), lambda: struct.pack("<l", 2**31), lambda: struct.pack("<L", 2**32),
             lambda: struct.pack("q", 2**63), lambda: struct.pack("Q", -1), lambda: struct.pack("l", 2**63),
             lambda: struct.pack("b", "x"), lambda: struct.pack("i", 1.5), lambda: struct.pack("d", "x"),
             lambda: struct.pack("c", b"ab"), lambda: struct.pack("s", 1), lambda: struct.pack("<e", 1e6),
             lambda: struct.pack("<f", 1e300), lambda: struct.pack("ii", 1), lambda: struct.unpack("ii", b"1234"),
             lambda: struct.unpack_from("ii", b"1234", 2), lambda: struct.calcsize("3"), lambda: struct.calcsize("z"),
             lambda: struct.calcsize("<n"), lambda: struct.iter_unpack("h", b"abc"), lambda: struct.pack("P", 2**64),
             lambda: struct.pack_into("<h", bytearray(1), 0, 1), lambda: struct.Struct(5)]:
    try:
        print(call())
    except (struct.error, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, issubclass(struct.error, Exception))
