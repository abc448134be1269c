# bytearray: a mutable bytes
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3], bytearray(), bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"))
ba[0] = 72
print(ba)
ba[1:3] = b"EY"
print(ba)
ba.append(33)
print(ba)
ba.extend(b"??")
print(ba)
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("E"))
print(ba)
ba.reverse()
print(ba)
del ba[0]
print(ba)
ba += b"++"
print(ba, ba * 2)
c = ba.copy()
c.clear()
print(c, ba)
ba2 = bytearray(b"a-b-c")
print(ba2.split(b"-"), ba2.replace(b"-", b"+"), ba2.upper(), ba2.find(b"c"), ba2.count(b"-"), bytes(ba2))
print(ba2 == b"a-b-c", b"a-b-c" == ba2, ba2.decode(), ba2.hex(), bytearray.fromhex("4142"))
ba2[::2] = b"XYZ"
print(ba2)
del ba2[::2]
print(ba2)
try:
    ba2[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray(b"x").pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    bytearray(b"x").remove(121)
except ValueError as e:
    print("ValueError:", e)
print(list(bytearray(b"\x00\xff")), bytearray(b"abc").strip(b"ac"), bytearray(b"x").join([b"1", b"2"]))
