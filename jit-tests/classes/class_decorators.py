# class decorators and dataclass-like generation
def add_repr(cls):
    fields = cls.fields
    def __repr__(self):
        return cls.__name__ + "(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    cls.__repr__ = __repr__
    return cls
def add_init(cls):
    def __init__(self, *args):
        for f, a in zip(cls.fields, args):
            setattr(self, f, a)
    cls.__init__ = __init__
    return cls
@add_repr
@add_init
class Rec:
    fields = ("a", "b")
print(Rec(1, "x"))
def singleton(cls):
    return cls()
@singleton
class Only:
    value = 7
print(Only.value, type(Only).__name__)
def auto_eq(cls):
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    cls.__eq__ = __eq__
    cls.__hash__ = None
    return cls
@auto_eq
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, 2) == Pt(1, 2), Pt(1, 2) == Pt(2, 1), Pt.__hash__)
