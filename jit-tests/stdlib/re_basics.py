# CPython's re package over the native _sre: match/search/fullmatch, groups (numbered and
# named), findall/finditer/split/sub/subn (callables, templates), flags, non-ASCII text,
# bytes patterns, and the errors sre raises.
import re

m = re.match(r"(\w+) (\w+)(?P<tail>!)?", "hello world!")
print(m, m.groups(), m.group(0, 1, 2), m["tail"], m.span(2), m.start("tail"), m.end(), m.lastindex, m.lastgroup)
print(m.groupdict(), m.regs, m.pos, m.endpos, m.re.pattern, m.string)
print(re.search(r"\d+", "abc 123 def 45"), re.search(r"x", "abc"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d", "12"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"), re.findall(r"(a)|b", "ab"))
print([mm.group() for mm in re.finditer(r"\b\w+\b", "one two  three")])
print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(,)", "a,b"), re.split(r"x*", "axbc"), re.split(r",", "a,b,c", maxsplit=1))
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi yo"), re.sub("x*", "-", "abxd"))
print(re.subn(r"a", lambda mm: mm.group(0).upper(), "banana"), re.sub(r"\s+", " ", "a  b\t\nc", count=1))
print(re.compile(r"a+b", re.I | re.M), re.compile(r"x"), re.compile(rb"\d"), re.compile("é", re.ASCII))
print(re.match(r"abc", "ABC", re.IGNORECASE), re.match(r"[0-9x]+", "X9", re.I), re.findall(r"^\w", "ab\ncd", re.MULTILINE), re.match(r".+", "a\nb", re.S))
print(re.findall(r"\w+", "café naïve über"), re.sub(r"é", "e", "été"), re.match(r"(?i)straße", "STRASSE"))
print(re.findall(rb"\d+", b"a12b3"), re.sub(rb"a", b"b", b"banana"))
print(re.escape("a.b*c"), re.match(r"(a)(?=b)", "ab"), re.match(r"(?<=a)b", "ab"), re.search(r"(?<=a)b", "ab"))
print(re.match(r"(a|b)*?c", "ababc").group(1), re.match(r"(?:ab)+", "ababx").end(), re.match(r"a{2,3}", "aaaa").group())
print(re.match(r"(\d+)-(\d+)", "10-20").expand(r"\2 to \1"), re.search(r"(?P<x>a)(?P=x)", "baa").span())
p = re.compile(r"\d")
print(p.search("ab1", 1), p.match("ab1", 2), p.findall("1a2b3", 1, 4), p.groups, p.groupindex, p.flags, p.pattern)
for bad in ["(", "a{2,1}", "[z-a]", "(?P<n>a)(?P<n>b)", "*"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e)
for call in [lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"), lambda: m.group(5), lambda: m.group("nope")]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(re.Scanner is not None, isinstance(p, re.Pattern), isinstance(m, re.Match))
