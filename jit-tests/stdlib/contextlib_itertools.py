# contextlib (contextmanager, ExitStack, suppress, closing, nullcontext) and itertools
from contextlib import contextmanager, suppress, ExitStack, nullcontext, closing
import itertools
@contextmanager
def managed(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("caught in cm", e)
    finally:
        print("exit", name)
with managed("a") as v:
    print("body", v)
with managed("b"):
    raise ValueError("boom")
print("after b")
try:
    with managed("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
@managed("deco")
def f():
    print("in f")
f()
with ExitStack() as st:
    for n in "xy":
        st.enter_context(managed(n))
    st.callback(print, "callback")
with nullcontext(5) as n:
    print(n)
class Res:
    def close(self): print("closed")
with closing(Res()):
    pass
with suppress(KeyError, IndexError):
    [][1]
print(list(itertools.islice(itertools.count(), 3)), itertools.count(3), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.product([1, 2], "ab")), list(itertools.groupby([1, 1, 2], key=lambda x: x % 2))[0][0])
