# metaclass=, class keywords, type()
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f"<class {cls.__name__} tag={cls.tag}>"
class Base(metaclass=Meta, tag="base"):
    def __init__(self, v):
        self.v = v
    def method(self):
        return self.v
class Child(Base, tag="child"):
    pass
c = Child(5)
print(c.v, c.method(), Child.tag, Base.tag, Child.describe(), type(Child).__name__, type(c).__name__)
print(isinstance(Child, Meta), isinstance(c, Base))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("init config")
print(Config() is Config())
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 99}
class UsesPrep(metaclass=Prep):
    pass
print(UsesPrep.injected)
Dyn = type("Dyn", (Base,), {"extra": lambda self: self.v * 2, "k": 1})
d = Dyn(21)
print(d.extra(), Dyn.k, Dyn.__name__, Dyn.__bases__[0].__name__, type(Dyn).__name__)
print(type(5), type(type), type(object), type.__name__)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class R1(metaclass=Registry): pass
class R2(R1): pass
print(Registry.classes)
