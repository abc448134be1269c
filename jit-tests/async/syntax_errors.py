# Compile errors of async code, as CPython 3.11 words them.
sources = [
    "async def f():\n    yield from x\n",
    "async def f():\n    yield 1\n    return 2\n",
    "def f():\n    await x\n",
    "await x\n",
    "def f():\n    async for x in y: pass\n",
    "def f():\n    async with x: pass\n",
    "def f():\n    [x async for x in y]\n",
    "class C:\n    await x\n",
    "async def f():\n    lambda: await x\n",
    "def f():\n    return [(await x) for x in y]\n",
    "async def f():\n    def g():\n        [x async for x in y]\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{e.msg} (line {e.lineno})")

# These compile.
for src in [
    "async def f():\n    return [x async for x in y]\n",
    "def f():\n    return ((await x) for x in y)\n",
    "async def f():\n    async with a as b, c:\n        async for x in b:\n            await x\n",
]:
    compile(src, "<src>", "exec")
    print("ok")

async def f():
    return [x async for x in y]

f.__code__  # referenced so the flags print below is of a real function
print(hex(f.__code__.co_flags))
