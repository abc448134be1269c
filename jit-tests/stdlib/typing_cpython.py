# CPython's typing.py: generics, NamedTuple, TypedDict (a metaclass whose __call__ is dict), Protocol, hints
import typing
from typing import List, Dict, Optional, Union, TypeVar, Generic, Protocol, NamedTuple, TypedDict, Callable, Any
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box[int](3).v, List[int], Optional[int], Union[int, str], Dict[str, List[int]])
class P(NamedTuple):
    x: int
    y: str = 'a'
print(P(1), P._fields, typing.get_type_hints(P))
class TD(TypedDict):
    a: int
print(TD(a=1), Callable[[int], str], typing.cast(int, 'x'), T)
class Pr(Protocol):
    def m(self) -> int: ...
@typing.runtime_checkable
class RP(Protocol):
    def m(self) -> int: ...
class Impl:
    def m(self): return 1
print(isinstance(Impl(), RP), typing.get_origin(List[int]), typing.get_args(Dict[str, int]), list[T][int])
def f(a: int, b: 'str' = 'x') -> Optional[int]: ...
print(typing.get_type_hints(f))
print(typing.Literal[1, 'a'], typing.Final[int], typing.ClassVar[int], typing.Annotated[int, 'm'])
@typing.overload
def g(x: int) -> int: ...
def g(x): return x
print(g(2), typing.TYPE_CHECKING, int | None, Optional[list[int]])
