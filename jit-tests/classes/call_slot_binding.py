# __call__ found on the type goes through the descriptor protocol: staticmethod, classmethod,
# a builtin function or a class stored as __call__ get no self
class M(type):
    def __new__(cls, name, bases, ns):
        return type.__new__(M, name, (dict,), ns)
    __call__ = dict
class TD(metaclass=M):
    a: int
print(TD(a=1), type(TD(a=1)))
class S:
    __call__ = staticmethod(lambda *a: ('static', a))
print(S()(1, 2))
class C:
    @classmethod
    def __call__(cls, x): return (cls.__name__, x)
print(C()(5))
class Plain:
    __call__ = len
try: print(Plain()([1, 2]))
except TypeError as e: print(e)
class F:
    def __call__(self, *a, **k): return a, k
f = F()
for i in range(3): print(f(i, k=i))
