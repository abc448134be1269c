# sys.exc_info() / sys.exception(): nested handlers, restored after each handler,
# cleared after the outermost, generators' own exception state.
import sys


def state():
    t, v, tb = sys.exc_info()
    e = sys.exception()
    assert e is v
    return None if t is None else f"{t.__name__}({v})"


print(state())
try:
    raise KeyError("outer")
except KeyError:
    print(state())
    try:
        raise ValueError("inner")
    except ValueError:
        print(state())
    print(state())
    try:
        pass
    finally:
        print("finally:", state())
print(state())


def gen():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield state()
        yield state()
    yield state()


g = gen()
print(next(g))
print(state())
try:
    raise IndexError("caller")
except IndexError:
    print(next(g))
    print(state())
print(next(g))


def reraise():
    try:
        raise OSError("first")
    except OSError:
        try:
            raise RuntimeError("second")
        except RuntimeError as e:
            print(state(), repr(e.__context__))


reraise()
with_ctx = None


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit sees:", exc[0].__name__, state())
        return True


with Ctx():
    raise ZeroDivisionError("in with")
print(state())
