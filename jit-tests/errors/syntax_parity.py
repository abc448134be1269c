# Tokenizer, f-string and block errors where CPython 3.11's tokenization differs from a
# 3.12 parser's: each snippet's class, message, line, column range and text through
# compile(). Tokenizer errors print the start column and stripped text only (CPython's
# end_offset and text newline are inconsistent for them).
tokenizer = [
    # Numbers running into names.
    "x = 0.x\n",
    "f = lambda *a: [C for i in lambda *a: 0.__class__]\n",
    "x = 1__0\n",
    "x = 1e\n",
    "x = 1e+x\n",
    "x = 1.e5_\n",
    "x = 0_x\n",
    "x = 0x1g\n",
    "x = 0x\n",
    "x = 0o8\n",
    "x = 0o17a\n",
    "x = 0b12\n",
    "x = 1jx\n",
    "x = .5y\n",
    # A tokenizer error later in the file replaces the parser's error.
    "x = (1 +\ny = 2 +\nz = 0.x\n",
    "print(1 2)\nz = 3.real\n",
    "def f(:\n    pass\nx = 1)\n",
    "if x\n    pass\ns = 'abc\n",
    "x = (f'{{}!r:>2}' if y else 2**64.x)\n",
    # ... but not an unexpected indent.
    "x = 1\n    y = 2\nz = 1)\n",
]
snippets = [
    # A missing block is reported at the token after the header.
    "for x in y:\nz = 1\n",
    "if a:\n    for x in y:\n    z = 1\n",
    "if a:\n    for x in y:\nz = 1\n",
    "if a:\n  if b:\n    for x in y:\n  z = 1\n",
    "if a:\n    for x in y:\n",
    "def f():\n    try:",
    "for x in (1,\n          2):\n\n# c\nz = 1\n",
    "class A:\n    def f(self):\n    def g(self): pass\n",
    "while x:\n# only a comment\nelse:\n    pass\n",
    "try:\n    x\ny\n",
    "try:\n    x\n",
    "if a:\n  try:\n    x\n  y\n",
    "if a:\n  try:\n    x\ny\n",
    # An indented line that opens no block.
    "@dataclass\n    name: str\nclass Item:\n    pass\n",
    "x = 1\n    y = 2\n",
    # f-strings end at their first matching quote in 3.11.
    "d = (f'{f'{[1, 2]!r:>2}'!r:>3}' if x else y)\n",
    "x = f'{not b'xy'!r:>4}'\n",
    "x = f'{(lambda *a: b'xy'.keys)!r:>3}'\n",
    "x = f'{-1[lambda *a: (0 + 'abc')]!r:>2}'\n",
    "x = f'{[1, 'a']}'\n",
    "x = 1\ny = f'{lambda *a: 1!r}'\n",
    "y = f'{a b}' + f'{c}'\n",
    "y = (f'{a}'\n 'x' f'{a b}')\n",
    "f'''{\na b}'''\n",
    "y = f'{)}'\n",
    "y = f'{a!x}'\n",
    "f'{}'\n",
    "f'{ !r}'\n",
    "f'{a!}'\n",
    "f'{a!r'\n",
    "f'{a:{b:{c}}}'\n",
    "f'{a:{b'\n",
    "f'}'\n",
    "f'{a}}'\n",
    "f'{a=!r:>{x}}'\n",
    "f'{x\\n}'\n",
    "f'{a#}'\n",
    "f'{(}'\n",
    "f'{[)}'\n",
    "f'{\"a}'\n",
    "f'{a!r=}'\n",
    "f'{a:x}}'\n",
    "rf'\\{{}}{a b}'\n",
    "f'\\N{BULLET} {a b}'\n",
    "x = f'{1}' f'{2'\n",
    "x = [f'{a:{b}}' for a in c] + f'{{}}{x!s:>{w}}'\n",
]
for src in tokenizer:
    try:
        compile(src, "snippet.py", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} | line {e.lineno} col {e.offset} | {e.text.strip()!r}")
for src in snippets:
    try:
        compile(src, "snippet.py", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} | line {e.lineno} cols {e.offset}-{e.end_offset} | {e.text!r}")
