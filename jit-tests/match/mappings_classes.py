# match: mapping and class patterns
def event(e):
    match e:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra={sorted(rest)}"
        case {"type": t}:
            return f"other event {t}"
        case {}:
            return "empty-ish mapping"
        case _:
            return "not a mapping"
for e in [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "a", "mod": 1, "t": 2}, {"type": "scroll"}, {"x": 1}, {}, [1]]:
    print(event(e))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center = center
        self.r = r
def shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Circle(Point(0, 0), r=r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x, _), r=r) if r > 10:
            return f"big circle x={x}"
        case Circle():
            return "some circle"
        case int() | float() as num:
            return f"number {num}"
        case list([int(), *_]):
            return "list of ints"
        case dict(d) if not d:
            return "empty dict"
        case _:
            return "unknown"
for s in [Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 1), Circle(Point(4, 4), 50),
          Circle(Point(1, 1), 1), 7, 2.5, [1, "x"], {}, "str"]:
    print(shape(s))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match 42:
    case bool():
        print("bool")
    case int(v):
        print("int self-match", v)
match (1, [2, {"k": "v"}]):
    case (a, [b, {"k": c}]):
        print(a, b, c)
