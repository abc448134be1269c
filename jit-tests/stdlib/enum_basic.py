# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases, methods, match
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name}={self.value}"
    @classmethod
    def favorite(cls):
        return cls.GREEN
print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, Color.RED.describe(), Color.favorite())
print(Color.RED.name, Color.RED.value, type(Color.RED), isinstance(Color.RED, Color), Color)
print(Color.__members__.keys() if False else list(Color.__members__))
print(f"{Color.RED}", format(Color.RED), str(Color.GREEN), hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.TWO), N.ONE + 1, N.TWO == 2, sorted([N.TWO, N.ONE]), f"{N.ONE}", N(2))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, [m.name for m in A])
class S(StrEnum):
    LOW = auto()
    HIGH = "hi"
print(S.LOW, repr(S.LOW), S.HIGH == "hi", S.LOW.upper())
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = P.R | P.W
print(rw, repr(rw), P.R in rw, P.X in rw, bool(P.R & P.X), P(3), list(P))
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, repr(IP.A | IP.B), (IP.A | IP.B) == 3)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Planet(Enum):
    EARTH = (5.97, 6.37)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, {Color.RED: "r"}[Color.RED])
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green!")
