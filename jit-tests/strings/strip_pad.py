# strip/pad/justify/zfill/expandtabs/prefix/suffix
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "mississippi".rstrip("ips"))
print(repr("hi".center(10)), repr("hi".center(9, "*")), repr("hi".center(1)), repr("abc".center(6, "-")))
print(repr("hi".ljust(6)), repr("hi".rjust(6, ".")), repr("toolong".ljust(3)), repr("x".rjust(4, "0")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "-".zfill(3), "12345".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tbb\tccc".expandtabs(4)), repr("\t".expandtabs(0)), repr("ab\ncd\te".expandtabs(3)))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"), "file.py".removesuffix(".rs"))
print(repr("".strip()), repr("   ".strip()), repr("abc".strip("")), "\u3000wide\u3000".strip())
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
