# inheritance, super(), method resolution
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def kind(self):
        return "puppy/" + super().kind()
    def speak(self):
        return super().speak() + " (tiny)"
p = Puppy("Rex", 1)
print(p.speak(), p.kind(), p.age)
print(Puppy.__mro__)
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__, Dog.__base__, Animal.__subclasses__())
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(super(B, D()).who(), super(C, D()).who())
class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")
print(Bottom().log)
class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), type(ml).__name__, len(ml), isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md)
class MyInt(int):
    def double(self):
        return MyInt(self * 2)
print(MyInt(21).double(), MyInt(5) + 1, type(MyInt(5) + 1).__name__)
class MyStr(str):
    pass
print(MyStr("abc").upper(), repr(MyStr("x")), isinstance(MyStr("x"), str))
