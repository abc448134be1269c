# Comparisons that recurse (through __eq__/__lt__ or through nested containers) raise
# RecursionError "in comparison" and the program goes on.


def attempt(label, f):
    try:
        print(label, f())
    except RecursionError as e:
        print(label, "RecursionError:", e)


class A:
    def __eq__(self, o):
        return self == o


class L:
    def __lt__(self, o):
        return self < o


attempt("eq dunder", lambda: A() == A())
attempt("lt dunder", lambda: L() < L())

x = []
for _ in range(100000):
    x = [x]
attempt("list is itself", lambda: x == x)
attempt("list ==", lambda: x == [x])
attempt("list !=", lambda: x != [x])
attempt("list <", lambda: x < [x])
attempt("in", lambda: x in [[x]])
attempt("index", lambda: [x].index([x]))
attempt("count", lambda: [x].count([x]))
attempt("sorted", lambda: sorted([x, [x]]))
attempt("max", lambda: max([x, [x]]))
attempt("__eq__", lambda: x.__eq__([x]))

t = ()
for _ in range(100000):
    t = (t,)
attempt("tuple ==", lambda: t == (t,))
attempt("tuple <", lambda: t < (t,))

d = {}
for _ in range(100000):
    d = {"k": d}
attempt("dict ==", lambda: d == {"k": d})

a = []
a.append(a)
b = []
b.append(b)
attempt("self-containing, same", lambda: a == a)
attempt("self-containing, two", lambda: a == b)

# The limit is back where it was: ordinary comparisons work.
print([[1, [2]]] == [[1, [2]]], (1, (2, 3)) < (1, (2, 4)))
