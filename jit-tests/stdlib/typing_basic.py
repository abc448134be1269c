# typing: aliases and their reprs, TypeVar, Generic, NamedTuple, TypedDict, Protocol, cast
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, TypeVar, Generic, NamedTuple, TypedDict, Protocol, Iterable, Iterator, Sequence, cast, overload, ClassVar, Literal, Set
T = TypeVar("T")
def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
print(first([1, 2]), first([]))
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Tuple[int, ...], Callable[[int, str], bool], Callable[..., int])
print(Any, T, List, Literal["a", 1], Set[int], Union[int], ClassVar[int])
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
s = Stack[int]()
s.push(3)
print(s.items, Stack.__mro__[1:], Stack[int])
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return self.x * self.x + self.y * self.y
p = Pt(3, 4)
print(p, p.norm(), Pt(1), p._fields, isinstance(p, tuple))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="x", year=1999)
print(m, type(m))
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self) -> str:
        return "hi"
def use(g: Greeter) -> str:
    return g.greet()
print(use(En()), cast(int, "3"), isinstance([], Iterable), isinstance(3, Iterable))
def f(cb: Callable[[int], int], xs: Sequence[int]) -> Iterator[int]:
    return iter(map(cb, xs))
print(list(f(lambda v: v * 2, [1, 2])))
print(int | None, Optional[List[int]])
