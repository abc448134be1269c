# abc (ABCMeta, abstractmethod, register, __subclasshook__) and the types module
import abc
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self): return f"{self.name()} with area {self.area()}"
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Sq(Half):
    def name(self): return "square"
print(Sq().describe(), isinstance(Sq(), Shape), issubclass(Sq, Shape), sorted(Shape.__abstractmethods__))
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(int, Reg), issubclass(str, Reg))
class Hook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), isinstance(1, Hook))
print(type(Shape).__name__, Shape.__mro__)
import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=3))
print(types.FunctionType, types.ModuleType("m"), isinstance(len, types.BuiltinFunctionType))
print(types.MethodType, types.NoneType, types.MappingProxyType)
C = types.new_class("C", (object,), {}, lambda ns: ns.update(x=5))
print(C.x, C.__name__)
class P(metaclass=abc.ABCMeta):
    @property
    @abstractmethod
    def v(self): ...
print(P.__abstractmethods__)
