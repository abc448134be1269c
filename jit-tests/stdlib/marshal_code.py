# marshal round trip of code objects: every module of a sample of the standard library,
# compiled from source, comes back equal (instructions, constants, names, line and
# column tables, exception tables: code ==), with the same filenames, qualnames, flags
# and docstrings all the way down; and loaded code runs as the original.
import marshal
import os
import sys
import types

LIB = os.path.dirname(os.__file__)
MODULES = ["argparse", "ast", "calendar", "collections/__init__", "dataclasses", "enum",
           "fractions", "functools", "inspect", "json/decoder", "pathlib", "pprint",
           "re/_parser", "string", "textwrap", "typing", "unittest/case", "asyncio/tasks"]


def walk(code, out):
    out.append((code.co_qualname, code.co_filename, code.co_flags,
                code.co_firstlineno, code.co_varnames, code.co_names))
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
    return out


for name in MODULES:
    path = os.path.join(LIB, name + ".py")
    with open(path, "rb") as f:
        code = compile(f.read(), path, "exec")
    data = marshal.dumps(code)
    back = marshal.loads(data)
    print(name, back == code, back is not code, walk(back, []) == walk(code, []),
          back.co_filename == path, back.co_consts[0] == code.co_consts[0])

SOURCE = '''
"""doc"""
import sys
X = (1, -0.0, 2**100, 3j, "s", b"b", frozenset({1}), None, ...)

def outer(a, /, b=2, *args, c, **kw):
    total = 0
    def inner(d):
        nonlocal total
        total += d
        return total
    for i in range(a):
        inner(i)
    return total, b, args, c, kw

class K:
    """K doc"""
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        return self.v * 2

async def co():
    return 1

def g():
    try:
        yield 1
        raise ValueError("boom")
    except ValueError as e:
        yield str(e)
    finally:
        yield "finally"

RESULT = (outer(4, c=5, z=6), K(21).double, list(g()), [x ** 2 for x in range(4) if x])
'''
code = compile(SOURCE, "<marshalled>", "exec")
back = marshal.loads(marshal.dumps(code))
print(back == code, hash(back) == hash(code))
ns = {}
exec(back, ns)
print(ns["RESULT"], ns["X"], ns["__doc__"], ns["K"].__doc__, ns["outer"].__code__.co_freevars,
      ns["outer"].__code__.co_cellvars, ns["co"].__code__.co_flags & 0x80)
c = ns["co"]()
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
# A code object inside other values, shared.
pair = marshal.loads(marshal.dumps([code, code]))
print(pair[0] is pair[1], pair[0] == code)
# Cut short or changed, marshalled code is refused, never run.
data = marshal.dumps(code)
for bad in [data[:len(data) // 2], data[:-1]]:
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__)
