# globals, locals, exec, eval, compile
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("len('abc')"))
x = 10
print(eval("x + 5"), eval("x + y", {"x": 1, "y": 2}), eval("x", {}, {"x": "local"}))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b", ns)
print(ns["a"], ns["b"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"))
exec("x = 99")
print(x)
def in_function():
    loc = {}
    exec("z = 7", globals(), loc)
    return loc["z"]
print(in_function())
code = compile("3 * 4", "<string>", "eval")
print(type(code).__name__, eval(code), code.co_filename)
code2 = compile("for i in range(3): out.append(i * i)", "<loop>", "exec")
out = []
exec(code2)
print(out)
print(eval(compile("1 if True else 2", "<e>", "eval")))
g = globals()
print("x" in g, g["x"], g["__name__"], type(g).__name__)
g["injected"] = "via globals"
print(injected)
def locs(a, b=2):
    c = 3
    return locals()
print(locs(1))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("def broken(:\n pass")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_thing")
except NameError as e:
    print("NameError:", e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("__builtins__ is not None"), eval("abs(-3)", {"__builtins__": {"abs": abs}}))
exec("print('printed from exec', __name__)")
exec("import math as m2\nprint(m2.floor(2.5))", {})
