# type() with 1 and 3 args, id, hash, repr, ascii, iter with 2 args, next
print(type(1), type("s"), type([]), type(type(1)), type(int) is type)
Point = type("Point", (), {"x": 0, "show": lambda self: f"P({self.x})"})
p = Point()
p.x = 5
print(Point.__name__, p.show(), type(p).__name__, Point.__bases__, Point.__module__)
Child = type("Child", (Point,), {"y": 1})
print(Child().show(), Child.y, Child.__mro__[1].__name__, issubclass(Child, Point))
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", ())
except TypeError as e:
    print("TypeError:", e)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), isinstance(id(a), int))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
print(repr("a'b"), repr([1, "x", None]), repr(1.0), repr(b"\x00"), repr(range(3)), repr(slice(1, 2)), repr(Ellipsis), repr(NotImplemented))
print(ascii("abc"), ascii("äbç"), ascii("\U0001f600"), ascii([1, "é"]), ascii(b"x"))
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter("ab")
print(next(it), next(it), next(it, None), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
print(type(NotImplemented).__name__, type(...).__name__, type(lambda: 0).__name__, type(print).__name__)
