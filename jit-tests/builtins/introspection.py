# isinstance, issubclass, hasattr/getattr/setattr/delattr, callable, type, vars, dir
class A:
    cls_attr = 1
    def method(self):
        pass
class B(A):
    pass
b = B()
print(isinstance(b, A), isinstance(b, (int, B)), isinstance(1, (str, (list, int))), isinstance(True, int), isinstance(None, type(None)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (str, A)), issubclass(bool, (int,)), issubclass(A, object))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
setattr(b, "dyn", 5)
print(hasattr(b, "dyn"), getattr(b, "dyn"), getattr(b, "cls_attr"), getattr(b, "missing", "dflt"), hasattr(b, "method"))
delattr(b, "dyn")
print(hasattr(b, "dyn"))
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError:", e)
print(callable(len), callable(A), callable(b), callable(b.method), callable(None), callable(lambda: 0))
print(type(b) is B, type(B), type(type), type(1).__name__, type(None).__name__, type(len).__name__, type(b.method).__name__)
print(vars(b), sorted(vars(A).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__qualname__"}))
b.x = 1
print(vars(b), vars(b) is b.__dict__)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(b) if not n.startswith("__")])
print("append" in dir([]), "__len__" in dir("s"), "real" in dir(1))
def f():
    local_one = 1
    local_two = 2
    return sorted(locals()), sorted(dir())
print(f())
print(type(b).__mro__[1].__name__, B.__name__, b.__class__.__name__, A.__dict__["cls_attr"])
