# replace, translate, maketrans, encode
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"), s.replace("one", ""))
print("aaa".replace("a", "aa"), "abc".replace("", "|", 2), "".replace("", "x"))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, "c": "333"})
print("abcabc".translate(t2))
t3 = str.maketrans("ab", "AB", "xyz")
print("xaybzc".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print("héllo".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "abc".encode("ascii"))
print("héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "xmlcharrefreplace"))
print("héllo".encode("ascii", "backslashreplace"), "€".encode("utf-16-le"), "x".encode("utf-32-be"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print("ValueError:", e)
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
