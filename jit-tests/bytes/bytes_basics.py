# bytes construction, indexing, repr
b = b"hello world"
print(b, b[0], b[-1], b[1:5], b[::-1], b[::2], len(b), list(b[:3]))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"x"))
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(repr(b"\x00\x01\t\n\r\\'\x7f\x80\xff"), repr(b'"'), repr(b"'\""), repr(bytes([39])))
print(b"ab" + b"cd", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"" in b"x", b"abc" < b"abd")
print(b"abc" == b"abc", b"abc" == "abc", hash(b"abc") == hash(b"ab" + b"c"))
print([x for x in b"hi"], tuple(b"\x01\x02"), sorted(b"cab"), bytes(reversed(b"abc")))
print(b"%s-%d-%x-%5.2f" % (b"s", 42, 255, 3.14159), b"%c%c" % (65, b"B"), b"%r" % "x" if False else b"%a" % "é")
for bad in [lambda: bytes([256]), lambda: bytes("x"), lambda: b"a" + "b", lambda: b"abc"[10], lambda: bytes(-1)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    b"x"[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(bytes.fromhex(""), b"".hex(), b"\x00" * 3, bytes(memoryview(b"mv")) if False else b"mv")
print(str(b"abc"), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"))
