# LEGB name resolution and builtins shadowing
print(len("abc"))
def shadow_builtin():
    len = lambda x: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
import builtins
print(builtins.len is len, type(builtins).__name__)
def local_overrides_later():
    try:
        return max
    finally:
        pass
print(local_overrides_later() is builtins.max)
list = "module-level list"
print(list)
del list
print(list("ab"))
builtins.custom_builtin = "injected builtin"
print(custom_builtin)
del builtins.custom_builtin
def f():
    return "f v1"
g = f
def f():
    return "f v2"
print(g(), f())
def uses_later_global():
    return later_defined()
def later_defined():
    return "resolved at call time"
print(uses_later_global())
x = 0
def comprehension_sees_enclosing():
    x = 5
    return [x + i for i in range(2)]
print(comprehension_sees_enclosing())
