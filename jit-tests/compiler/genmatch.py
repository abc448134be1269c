# Generators (send, yield from, return values) and match statements
def gen(n):
    for i in range(n):
        received = yield i
        if received:
            print("got", received)
    return "done"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def delegate():
    result = yield from gen(2)
    print("delegate got", result)
    yield "tail"
print(list(delegate()))

def echo():
    try:
        while True:
            v = yield
            print("echo", v)
    finally:
        print("closed")
e = echo()
next(e)
e.send(1)
e.close()

squares = (x * x for x in range(4))
print(next(squares), list(squares))

def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return "negative %d" % n
        case "a" | "b" as letter:
            return "letter " + letter
        case [x, y]:
            return "pair %r %r" % (x, y)
        case [first, *rest]:
            return "seq %r rest=%r" % (first, rest)
        case {"type": "point", "x": px, **others}:
            return "point %r others=%r" % (px, others)
        case {"k": _}:
            return "has k"
        case None:
            return "none"
        case str() as s:
            return "str " + s
        case _:
            return "other %r" % (v,)
for v in [0, 2, -5, "a", [1, 2], [1, 2, 3], (9,), {"type": "point", "x": 1, "y": 2}, {"k": 1}, None, "zzz", 3.5, []]:
    print(repr(v), "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis at %d" % yy
        case Point(xx, 0):
            return "on x axis at %d" % xx
        case Point():
            return "somewhere"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1)]:
    print(where(p))
match (1, (2, 3)):
    case (a, (b, c)):
        print("nested", a, b, c)
