# compile() reports CPython's SyntaxError messages and positions
cases = [
    "x = (1,\n", "if x\n    pass\n", "  x = 1\n", "if x:\npass\n", "1 = x\n", "x = = 2\n",
    "f(a for a in b, c)\n", "x = [1, 2\n", "x = 'abc\n", "f(x=1, x=2)\n", "def f(a, a): pass\n",
    "None = 1\n", "f() = 1\n", "del f()\n", "}\n", "(a, b) += 1\n", "def f(x=1, y): pass\n",
    "x = 08\n", "return 5\n", "break\n", "continue\n", "yield 1\n", "nonlocal x\n",
    "def f():\n    x = 1\n    global x\n", "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n", "def f():\n    nonlocal y\n",
    "class C:\n    [(y := 1) for x in a]\n", "x = [i := 0 for i in a]\n",
    "for x in y:\n    def g():\n        break\n",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "match x:\n    case a: pass\n    case b: pass\n", "match x:\n    case [a, a]: pass\n",
    "match x:\n    case {1: a, 1: b}: pass\n", "match x:\n    case a | b: pass\n",
    "x = 0x\n", "x = *a\n", "__debug__ = 1\n", "x = 5 $ 3\n", "if x = 5:\n    pass\n",
    "x = [1, 2)\n", "import *\n", "def f():\n    from m import *\n", "x = yield = 3\n",
    "def f(**k, a): pass\n", "try: pass\n", "x = 1 if 2\n", "a, b += 1\n", "x = {1: 2, 3}\n",
    "from __future__ import braces\n", "x = 1\nfrom __future__ import annotations\n",
    "lambda: (yield)\n", "def f():\n    x: int\n    global x\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.lineno, e.offset, e.msg)
