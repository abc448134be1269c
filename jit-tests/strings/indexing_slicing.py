# str indexing, slicing, iteration, ops
s = "Hello, World!"
print(s[0], s[-1], s[7], s[-6], s[:5], s[7:], s[::2], s[::-1], s[-6:-1], s[100:], s[:100])
print(s[1:10:3], s[10:1:-2], s[::-3], s[-100:3], s[5:2], repr(s[5:2]))
print(len(s), len(""), len("héllo"), len("😀"), len("a\u0301"))
print([c for c in "abc"], list("xyz"), tuple("hi"), sorted("banana"), "".join(reversed("abc")))
print("ab" + "cd", "ab" * 3, 3 * "x", "-" * 0, "a" * -1, "abc" < "abd", "a" < "B")
print(min("hello"), max("hello"), "hello".index("l"), ord(min("zebra")))
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(b"x"), str(b"x", "ascii"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x00\x7f\x80\xff"), repr("é中😀"), repr("\u200b"))
print(ascii("é中😀\n"), ascii("plain"), ascii(["ö"]))
print("abc".__len__(), "abc".__getitem__(1), "abc".__contains__("b"), "abc".__add__("d"))
