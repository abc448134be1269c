# class attribute lifetime with the method cache, __getattr__ after property AttributeError, base changes, __bases__ assignment
class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Holder:
    pass
Holder.r = Res(1)
Holder.r
del Holder.r
print("after class attr del")
class A:
    def __getattr__(self, n):
        raise AttributeError(f"custom {n}")
try:
    A().zz
except AttributeError as e:
    print(e)
class B:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, n):
        return "fallback " + n
print(B().p)
class Base:
    pass
class Sub(Base):
    pass
o = Sub()
Base.hello = lambda self: "hello from base"
print(o.hello())
Base.hello = lambda self: "changed"
print(o.hello())
del Base.hello
print(hasattr(o, "hello"))
Sub.__bases__ = (object,)
print(Sub.__mro__)
