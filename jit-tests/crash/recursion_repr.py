# repr/str of structures nested past the recursion limit, and recursive __repr__.


def attempt(label, f):
    try:
        r = f()
        print(label, len(r))
    except RecursionError as e:
        print(label, "RecursionError:", e)


x = []
for _ in range(100000):
    x = [x]
attempt("list repr", lambda: repr(x))
attempt("list str", lambda: str(x))
attempt("list format", lambda: "%s" % (x,))
attempt("list f-string", lambda: f"{x}")

t = ()
for _ in range(100000):
    t = (t,)
attempt("tuple repr", lambda: repr(t))

d = {}
for _ in range(100000):
    d = {1: d}
attempt("dict str", lambda: str(d))

s = frozenset()
for _ in range(100000):
    s = frozenset([s])
attempt("frozenset repr", lambda: repr(s))


class S:
    def __str__(self):
        return str(self)


attempt("__str__", lambda: str(S()))

# Shallow nesting still prints in full.
y = []
for _ in range(50):
    y = [y]
print(repr(y))
