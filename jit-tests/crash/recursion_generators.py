# `yield from` chains and other native re-entries deeper than the recursion limit.


def chain(n):
    if n:
        yield from chain(n - 1)
    else:
        yield "bottom"


def attempt(label, f):
    try:
        print(label, f())
    except RecursionError as e:
        print(label, "RecursionError:", e)


attempt("chain 100", lambda: list(chain(100)))
attempt("chain 5000", lambda: list(chain(5000)))


class G:
    def __getattr__(self, name):
        return self.missing


class H:
    def __hash__(self):
        return hash(self)


def key(v):
    return sorted([1, 2], key=key)


class Meta(type):
    def __instancecheck__(cls, o):
        return isinstance(o, cls)


class C(metaclass=Meta):
    pass


class D:
    def __get__(self, o, t):
        return o.d


class O:
    d = D()


attempt("__getattr__", lambda: G().x)
attempt("__hash__", lambda: hash(H()))
attempt("sorted key", lambda: sorted([1, 2], key=key))
attempt("__instancecheck__", lambda: isinstance(1, C))
attempt("descriptor", lambda: O().d)
print("still fine", list(chain(3)))
