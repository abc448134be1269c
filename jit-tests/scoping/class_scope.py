# class body scoping rules
x = "global x"
class A:
    x = "class x"
    y = x
    def method(self):
        return x
    lam = lambda self: x
    z = [x for _ in range(1)]
print(A.y, A().method(), A().lam(), A.z)
def outer():
    v = "enclosing v"
    class B:
        v = "class v"
        def get(self):
            return v
        w = v
    return B().get(), B.w, B.v
print(outer())
def outer2():
    v = "enclosing"
    class C:
        try:
            print("in class body:", v)
        except NameError as e:
            print("NameError:", e)
        v = "class-local"
        print("after assignment:", v)
    return C.v
print(outer2())
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
c = Counter()
c.inc(); c.inc()
print(c.count, Counter.count)
class Nested:
    class Inner:
        value = 1
    ref = Inner.value + 1
print(Nested.ref, Nested.Inner.__qualname__, Nested.Inner.__name__)
class Self:
    name = "Self"
    def who(self):
        return __class__.__name__
print(Self().who())
