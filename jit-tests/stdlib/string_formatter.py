# CPython's string.py over the native _string: formatter_parser and
# formatter_field_name_split (pieces and errors), Formatter, Template, capwords.
import _string, string
for s in ["a{0}b{x.y[1]!r:>{w}}c", "{{}}x{}", "}}{{", "plain", "", "{:{}}", "{a!s}", "{0[a]}"]:
    print(list(_string.formatter_parser(s)))
for bad in ["{", "}", "a{b", "{!}", "{a!rx}", "{a:{", "{a{}"]:
    try: print(list(_string.formatter_parser(bad)))
    except ValueError as e: print("ValueError", e)
for f in ["a.b[0][k].c", "0", "12[3]", "", "x[", "x[1]y", "x..y", "x.[1]"]:
    try:
        first, rest = _string.formatter_field_name_split(f); print(repr(first), list(rest))
    except ValueError as e: print("ValueError", e)
print(string.Formatter().format("{0}-{name:>5}-{1!r}", 1, "two", name="n"), string.Template("$a and ${b}").substitute(a=1, b=2))
print(string.Template("$a $$ $c").safe_substitute(a=1), string.capwords(" hello   world "), string.ascii_letters, string.punctuation)
