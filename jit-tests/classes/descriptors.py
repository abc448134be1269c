# descriptor protocol: data vs non-data, lookup precedence
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata from " + ("class" if obj is None else "instance")
class Data:
    def __init__(self):
        self.store = {}
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.store.get(id(obj), "unset")
    def __set__(self, obj, value):
        self.store[id(obj)] = value * 2
    def __delete__(self, obj):
        print("delete called")
        self.store.pop(id(obj), None)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, C.nd)
c.__dict__["nd"] = "instance dict wins"
print(c.nd)
print(c.d)
c.d = 21
print(c.d)
c.__dict__["d"] = "ignored"
print(c.d)
del c.d
print(c.d, type(C.d).__name__)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return obj.__dict__[self.name] if obj is not None else self
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
class Person:
    age = Typed(int)
    name = Typed(str)
p = Person()
p.age = 30
p.name = "Ann"
print(p.age, p.name)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class U:
    @Method
    def hello(self, x):
        return f"hello {x} from {type(self).__name__}"
print(U().hello("bob"))
def plain(self):
    return "bound plain"
bound = plain.__get__(U(), U)
print(bound(), type(bound).__name__)
print(C.__dict__["nd"].__get__(None, C))
