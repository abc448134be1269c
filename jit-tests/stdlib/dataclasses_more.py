# dataclasses: fields, defaults, factories, post-init, InitVar, KW_ONLY, order, frozen, hashing, asdict/replace
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, InitVar, KW_ONLY
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1)
print(p, p == Point(1, 0), Point.__init__.__qualname__, Point.__match_args__)
print([f.name for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(replace(p, y=5), asdict(p), astuple(p))
try:
    Point()
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
@dataclass
class P3(Point):
    z: int = 9
    def __post_init__(self):
        self.total = self.x + self.y + self.z
q = P3(1, 2)
print(q, q.total)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "x"
print(V(1) < V(2), V(1, "a") <= V(1, "b"), hash(V(1)) == hash(V(1)), {V(1), V(1)})
try:
    V(1).a = 3
except AttributeError as e:
    print(type(e).__name__, e)
@dataclass
class Inv:
    items: list = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)
    n: InitVar[int] = 0
    def __post_init__(self, n):
        self.items.extend(range(n))
i = Inv(n=3)
print(i, i == Inv([0, 1, 2], "other"))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
print(K(1, b=3))
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq(1).__hash__ is not None)
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash((1,)))
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])))
print(Point.__doc__)
match Point(1, 2):
    case Point(1, y):
        print("matched y", y)
