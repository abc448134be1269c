# dataclasses module
import dataclasses
@dataclasses.dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = dataclasses.field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), i != Item("pen", 2.0))
i.tags.append("office")
print(i)
@dataclasses.dataclass(frozen=True, order=True)
class Ver:
    major: int
    minor: int
print(sorted([Ver(1, 2), Ver(0, 9), Ver(1, 0)]), Ver(1, 2) < Ver(1, 3), hash(Ver(1, 2)) == hash(Ver(1, 2)))
try:
    Ver(1, 2).major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(dataclasses.asdict(i), dataclasses.astuple(Ver(3, 4)))
