# Code object attributes the compiler sets
def deco(f):
    return f
@deco
def f(a, b=1, /, c=2, *args, d, e=3, **kw):
    "The doc."
    local = 1
    def inner():
        return local
    return inner
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_firstlineno, f.__doc__, f.__defaults__, f.__kwdefaults__)
inner = f(1, d=2)
print(inner.__code__.co_freevars, inner.__qualname__, inner.__name__)
print(bool(co.co_flags & 0x4), bool(co.co_flags & 0x8), bool(co.co_flags & 0x20))
def g():
    yield 1
print(bool(g.__code__.co_flags & 0x20), (lambda: 0).__name__, (lambda: 0).__qualname__)
class C:
    "Class doc."
    attr: int = 3
    def m(self):
        return [x for x in range(2)]
    class Nested:
        def deep(self):
            pass
print(C.__doc__, C.__qualname__, C.m.__qualname__, C.Nested.deep.__qualname__, C.__module__)
print(C.__annotations__, C.attr)
def ann(x: int, *, y: "str" = "s") -> list:
    pass
print(ann.__annotations__)
print([k for k in __annotations__] if "__annotations__" in dir() else "no module annotations")
z: float = 1.5
print(__annotations__)
def nodoc():
    x = "not a doc"
print(nodoc.__doc__, (lambda: "x").__doc__)
