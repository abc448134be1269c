# class basics: attributes, methods, instances
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.x, p.y, p.norm2(), p.moved(1, 1), Point.dims, p.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object), Point.__bases__)
print(sorted(k for k in vars(p)), p.__dict__)
p.z = 5
print(p.__dict__)
Point.dims = 3
print(p.dims)
p.dims = 10
print(p.dims, Point.dims)
del p.dims
print(p.dims)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, Point.norm2(p))
class Empty:
    pass
e = Empty()
print(type(e).__name__, bool(e), e == e, e != Empty())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.count)
class WithClassBody:
    items = [i * 2 for i in range(3)]
    total = sum(items)
    if total > 3:
        big = True
print(WithClassBody.items, WithClassBody.total, WithClassBody.big)
print(hasattr(p, "x"), getattr(p, "nope", "default"), Point.__dict__["dims"])
