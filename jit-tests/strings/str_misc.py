# remaining str methods and behaviours
print("hello".capitalize(), "{} and {}".format("a", "b"), "{x}".format_map({"x": 5}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age}".format_map(Default(name="Al")))
s = "mississippi"
print(s.count("ss"), s.replace("ss", "SS"), s.title(), s.upper().lower() == s)
print("é" == "e\u0301", len("é"), len("e\u0301"))
print(chr(65), ord("A"), chr(0x1F600), ord("€"), [ord(c) for c in "aé"])
print("abc".isalpha() and "abc".islower(), "Hello"[1:].islower())
print(str.upper("abc"), str.join("-", ["a", "b"]), str.__name__, type("").__name__)
print("a,b;c d".replace(";", ",").replace(" ", ",").split(","))
print("%s|%s" % ("x".ljust(3), "y".rjust(3)))
words = "the rain in spain falls mainly".split()
print(sorted(words, key=len), sorted(words, key=lambda w: w[::-1]), max(words, key=len))
print(" ".join(w.capitalize() for w in words), "".join(w[0] for w in words).upper())
acc = ""
for i in range(10):
    acc += str(i)
print(acc, acc[::-1], int(acc) % 97)
print(hash("abc") == hash("ab" + "c"), "abc" != None)
print(str.__doc__ is not None, "x".__class__ is str)
print("tab\tsep".split("\t"), "CRLF\r\nline".splitlines())
