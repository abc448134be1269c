# Edge cases of the str fast paths: search, split/partition/replace identity, % and format.
s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.split(",", 0), s.rsplit(",", 1), s.rsplit(","))
w = "abc"
print(w.split(",")[0] is w, w.split()[0] is w, "  abc ".split())
x = "héllo wörld  ünï\u2003code\x1cend"
print(x.split(), x.split(None, 1), x.rsplit(None, 1), x.split("ö"), x.rsplit("l"))
print(" a b ".split(maxsplit=0), " a b ".rsplit(maxsplit=0), "".split(), "".split(","))
print("a\x1fb\x85c".split(), "\u3000a\u3000".split())
print("k:v".partition(":"), "kv".partition(":"), "kv".rpartition(":"), "a:b:c".rpartition(":"))
w = "kv"
print(w.partition(":")[0] is w, w.rpartition(":")[2] is w, w.split(":", 0)[0] is w)
print("ab€cd€".partition("€"), "ab€cd€".rpartition("€"), "ab€cd€".find("€"), "ab€cd€".rfind("€"))
print("aaaa".count("aa"), "aaaa".count("a"), "aaaa".count(""), "ab€€".count("€"), "abc".count("abcd"))
print("abcabc".find("ca"), "abcabc".rfind("bc"), "abc".find(""), "abc".rfind(""), "abc".find("c", 5))
print("é€x".find("x"), "é€x".index("€"), "abc".find("abcd"), "ab" in "xaby", "" in "x", "€" in "a€")
try:
    "abc".index("z")
except ValueError as e:
    print(e)
print("aXbXc".replace("X", "--"), "abc".replace("", "-"), "abc".replace("", "-", 2), "aaa".replace("a", "b", 2))
t = "hello"
print(t.replace("z", "y") is t, t.replace("l", "l", 0) is t, "".replace("", "x"), "a€b€".replace("€", "e"))
class S(str):
    pass
u = S("a,b")
print(u.partition("z")[0] is u, type(u.split(",")[0]), type(u.partition("z")[0]), type(S("ab").split(",")[0]), type(u.replace("z", "y")))
print("item%d:%s" % (5, "cc"), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42), "%x %X %o %#x" % (255, 255, 8, 255))
print("%s %r %a" % ("é", "é", "é"), "%c%c" % (65, "€"), "%.2f %e %g" % (3.14159, 1234.5, 0.0001))
print("€%s€%d€" % ("x", -7), "%(a)s-%(b)d" % {"a": "A", "b": 3}, "100%%" % (), "%d" % True, "%s" % 12)
print("%d" % -(2**70), "%5s|%-5s|%.1s" % ("ab", "ab", "ab"), "%*d|%-*d" % (5, 1, 4, 2), "%.*f" % (2, 1.0))
for bad in ["%é", "a€%y", "%", "%(x", "%d %d"]:
    try:
        print(bad % (1,))
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print(e)
print("{:>6}|{:<4}".format("ab", 3), "{0}{1}{0}".format("a", "b"), "{x}-{y!r}".format(x=1, y="q"))
print("{:5d}|{:<5}|{:^7.2f}|{:+,}|{:_x}|{:#b}|{:08.3f}".format(42, -3, 2.5, 1234567, 65535, 5, -1.5))
print("{:c}|{:X}|{:%}|{:e}|{:n}".format(8364, 255, 0.25, 12, 1000), "{}".format(True), "{:d}".format(True))
print("{0[1]}|{0[k]}|{1.real}|{{}}|{}".format if False else "{0[1]}|{1[k]}|{2.real}|{{x}}".format([1, 2], {"k": "v"}, 3))
print("é{}€{:€^5}ü".format("x", "y"), "{!a}".format("é"), "{:{}}".format("ab", 5), "{:>{w}}".format(1, w=3))
print(f"{42:>5}|{-7:05}|{3.5:.3f}|{'s':>3}|{12}|{True}|{2**70:,}|{7:x}")
for bad in ["{", "}", "{0!x}", "{:d}", "{0}{}", "{:=5}", "{: }", "{:,s}", "{a.}"]:
    try:
        print(bad.format("s", a=1))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    format(1, "z")
except ValueError as e:
    print(e)
print(str(0), str(-5), str(2**61), str(-2**62), repr(10), format(5, ""), format(-5, "x"), format(2**62, ",d"))
print(hex(-255), oct(8), bin(-5), hex(2**64), "{:c}".format(65))
