# compile()/exec() of bytes decode them as CPython's string tokenizer does: a BOM, a
# coding declaration on line 1 or 2, else UTF-8; errors are SyntaxErrors with
# CPython's message and location.
cases = [
    b"# coding: latin-1\nr = '\xe9'\n",
    b"#!x\n# -*- coding: cp1252 -*-\nr = '\x80'\n",
    b"\xef\xbb\xbfr = 'bom'\n",
    b"\xef\xbb\xbf# coding: utf-8\nr = 'bom+utf-8'\n",
    b"# comment with \xe9 is skipped\nr = 'ok'\n",
    b"\xef\xbb\xbf# coding: latin-1\nr = 1\n",
    b"\xef\xbb\xbf# coding: utf8\nr = 1\n",
    b"# coding: klingon\nr = 1\n",
    b"# coding: ascii\nr = '\xc3\xa9'\n",
    b"r = '\xe9'\n",
    b"r = 'ab\xe9cd'\n",
    b"x = 1\nr = '\xff'\n",
    b"r = 1 \xe9\n",
    b"r = ab\xe9cd\n",
    b"r = 1\n\xe9",
    b"r = 1\0\n",
    b"x = 1\nr = '''\n\xe9'''\n",
]
for src in cases:
    for how in ("exec", "compile"):
        ns = {}
        try:
            if how == "exec":
                exec(src, ns)
            else:
                exec(compile(src, "f.py", "exec"), ns)
            print(how, "ok", repr(ns["r"]))
        except SyntaxError as e:
            print(how, type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
# A str source ignores its coding declaration (it is already text).
exec("# coding: klingon\nprint('str source', '\xe9')")
try:
    exec("x = 'a\0'")
except SyntaxError as e:
    print(e, e.lineno)
import sys, traceback
try:
    exec(b"# coding: klingon\n")
except SyntaxError:
    print("".join(traceback.format_exception_only(*sys.exc_info()[:2])), end="")
