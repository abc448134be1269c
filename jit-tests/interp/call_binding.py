# argument binding errors with CPython's messages
def f(a, b, /, c, *, d): pass
def g(x, y=1, *, k): pass
def h(a, b, c, **kw): pass
def z(): pass
class A:
    def m(self): pass
calls = ["f(1)", "f(1, 2)", "f(1, 2, 3, 4)", "f(1, 2, 3, d=1, e=2)", "f(a=1, b=2, c=3, d=4)",
         "f(1, 2, 3, c=3, d=4)", "g()", "g(1, 2, 3)", "g(1, 2, 3, k=1)", "g(1)", "A().m(1)",
         "h()", "h(1, 2, 3, 4)", "z(1)", "z(**{'a': 1}, **{'a': 2})", "z(**1)", "z(*1)", "[*1]",
         "z(**{1: 2})", "h(1, 2, 3, **{'a': 1})"]
for c in calls:
    try:
        print(c, "->", eval(c))
    except TypeError as e:
        print(c, "->", e)
def defaults(a, b=[], *args, c=5, **kw):
    b.append(a)
    return a, b, args, c, kw
print(defaults(1), defaults(2), defaults(3, [], 4, 5, c=6, x=7))
print(defaults.__defaults__, defaults.__kwdefaults__, defaults.__code__.co_varnames)
