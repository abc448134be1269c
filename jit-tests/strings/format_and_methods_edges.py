print("%d %5d %-5d| %05d %+d % d %x %X %#x %o %#o %e %E %.2e %g %G %.3g %10.4f %-10.2f| %c %c %%" % (1, 2, 3, 42, 5, 6, 255, 255, 255, 8, 8, 12345.678, 0.00012, 1.5, 0.0001, 1e20, 3.14159, 2.5, 1.25, 65, 'z'))
print("%s %r %a %s" % ('é', 'é', 'é', [1, 'a']), "%(a)s-%(b)05.1f" % {'a': 'x', 'b': 2.25}, "%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%g %g %g %g %g" % (100000, 1000000, 1e-5, 123456789, 0.5), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%#.0f %#g" % (2.0, 2.0))
print("%s" % (1,), "%s" % [1], '%d' % 3.9, '%i' % True, '%x' % -255, "%5s|%-5s|" % ('ab', 'cd'), "%.2s" % 'abcdef')
print("%f %e %g" % (float('inf'), float('-inf'), float('nan')), "%5.1f%%" % 99.55, '%3c|' % 'x')
for bad in [("%d", 'x'), ("%s %s", (1,)), ("%s", (1, 2)), ("%y", 1), ("%", 1), ("%(a)s", 1), ("%c", 'ab'), ("%x", 1.5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print("{} {} {}".format(1, 'a', [2]), "{1}{0}{1}".format('a', 'b'), "{x}-{y!r}".format(x=1, y='z'), "{0[1]} {0[k]}".format({1: 'one', 'k': 'kay'}))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:.2}|{:8.3}|".format('abc', 'abc', 'abc', 'abc', 'abcdef', 'abcdef'))
print("{:5d}|{:<5d}|{:05d}|{:+.2f}|{:,}|{:_x}|{:#b}|{:e}|{:%}|{:.1%}".format(42, 42, 42, 3.14159, 1234567, 255, 5, 1234.5, 0.25, 0.3333))
print("{:{w}.{p}f}|{:>{w}}".format(3.14159, 'x', w=8, p=2), "{{}} {{{0}}}".format(7), "{!s:>4}{!a}".format(1, 'é'))
for bad in ["{", "}", "{0", "{0!x}", "{1}", "{}{0}", "{0}{}", "{a}", "{0:d}"]:
    try:
        print(bad.format('ab'))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(format('ab', '>5'), format(3, '03'), f"{'x':>3}{1+1:4d}", str.format_map("{a}{b}", {'a': 1, 'b': 2}))
s = "Hello, World"
print(s[::-1], s[-5:], s[100:], s[2:-2:3], s.find('o'), s.rfind('o'), s.find('o', 5, 8), s.count('l'), s.count(''), s.index('W'))
print(s.split(), s.split(', '), s.rsplit('o', 1), "a  b c ".split(None, 1), " a b ".rsplit(None, 1), "1,2,,3".split(','), "x".split('x'))
print("line1\nline2\r\nline3\r".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "  pad  ".strip(), "xxhixx".strip('x'), "--a".lstrip('-'))
print("abc".center(9, '*'), "abc".center(8), "ab".ljust(5, '.'), "ab".rjust(5), "42".zfill(6), "-42".zfill(6), "+x".zfill(4))
print("a\tbc\td".expandtabs(), "a\tb".expandtabs(2), "hello world foo".title(), "ABC def".swapcase(), "hELLO".capitalize(), "Straße".casefold(), "ǆungla".title())
print("abc".replace('b', 'BB'), "aaaa".replace('a', 'b', 2), "ab".replace('', '-'), "x".join("abc"), ",".join([]), "abc".partition('b'), "abc".rpartition('x'))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "½".isnumeric(), "²".isdigit(), "²".isdecimal(), " \t".isspace(), "Title Case".istitle(), "UP".isupper(), "low".islower(), "_x1".isidentifier(), "1x".isidentifier(), "\x07".isprintable())
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "abc".startswith(('x', 'a')), "abc".endswith('bc', 0, 3), "abc".startswith('b', 1))
tbl = str.maketrans("abc", "xyz", "d")
print("abcd".translate(tbl), "hello".translate({ord('l'): None, ord('h'): 'J'}), sorted(tbl.items()))
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('\n\t\\'), repr('\x00\x7f\x80\xff'), repr('é中😀'), repr('\u200b\u00a0\u2028'), ascii('é中😀'))
print("é" * 3, 3 * "ab", "a" + "b", "ab" < "b", "B" < "a", "abc" == "abc", "é" in "café", len("café"), "café"[3], list("héllo"))
print(str(b'abc', 'ascii'), str(1.5), str([1]), str(), "{0!r:^9}".format('é'))
for bad in [lambda: "a" + 1, lambda: "a" * 1.5, lambda: "abc"[5], lambda: "abc".index("z"), lambda: ",".join([1]), lambda: "a".center(3, "ab"), lambda: 1 in "a", lambda: "".split(""), lambda: str(b'\xff', 'utf-8')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
