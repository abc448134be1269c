# Grammar, tokenizer and compiler errors: CPython 3.11's message, line, column range
# and text for each snippet, through compile() (the script-level printing of a few is
# in syntax_*.py).
snippets = [
    "x = (1,\ny = 2\n",
    "print([1, 2\n",
    "x = (1, 2]\n",
    "x = 1)\n",
    'x = "\\x4"\n',
    "x = b'\\x4'\n",
    "x = b'ab\\xg'\n",
    'x = "ab\\xg"\n',
    'x = "\\N{no such name}"\n',
    'x = "\\N"\n',
    'x = "\\u12"\n',
    'x = "\\U0011ffff"\n',
    'x = "\\U1234"\n',
    'x = "ok \\N{BULLET} then \\x"\n',
    "x = r'\\x' + '\\x'\n",
    "del *a, b\n",
    "del *a\n",
    "del f()\n",
    "async def f():\n    yield 1\n    return 2\n",
    "a, b: int\n",
    "[a, b]: int\n",
    "(a := 1) = 2\n",
    "def f(**a=1): pass\n",
    "def f(*a=1): pass\n",
    "def f(/, a): pass\n",
    "def f(a, /, b, /): pass\n",
    "try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n",
    "f(a.b=1)\n",
    "match x:\n    case 1 + 1:\n        pass\n",
    "x = [1 2]\n",
    "f(a b)\n",
    "def f() -> : pass\n",
    "x = 1 \\ 2\n",
    "x = 'a' b'b'\n",
    "from x import a,\n",
    "from x import (*)\n",
    "(a.b := 1)\n",
    "(a[0] := 1)\n",
    "class A(x for x in y): pass\n",
    "f(a=1, 2)\n",
    "f(**k, a)\n",
    "f(**k, *a)\n",
    "def f():\n    global x\n    x: int\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "return 1\n",
    "def f():\n    from os import *\n",
    "1 = x\n",
    "f() = 1\n",
    "None = 1\n",
    "print 'hi'\n",
    "if x\n    pass\n",
    "x = 012\n",
]
# CPython's tokenizer errors leave end_offset and the text's newline inconsistent
# (pylift does not copy that): these print the start column and stripped text only.
tokenizer = {0, 1, 2, 3, 32, 51}
for i, src in enumerate(snippets):
    try:
        compile(src, "snippet.py", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        if i in tokenizer:
            text = e.text.rstrip("\n")
            print(f"{type(e).__name__}: {e.msg} | line {e.lineno} col {e.offset} | {text!r}")
        else:
            print(f"{type(e).__name__}: {e.msg} | line {e.lineno} cols {e.offset}-{e.end_offset} | {e.text!r}")
