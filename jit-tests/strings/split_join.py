# split/rsplit/splitlines/partition/join
s = "  a  b\tc\nd  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2), "".split(","), "".split())
print("a::b::c".split("::"), "abc".split("abc"), "x".split("x", 0), "1 2 3".rsplit(maxsplit=1))
text = "line1\nline2\r\nline3\rline4\n\nline6\x0bv\x0cf\x1cfs\u2028ls"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\n".splitlines(keepends=True))
print("key=value=x".partition("="), "novalue".partition("="), "key=value=x".rpartition("="), "none".rpartition("="))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), ", ".join(str(i) for i in range(5)))
print(" ".join(map(str, [1.5, None, True])), "\n".join(["x", "y"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError:", e)
