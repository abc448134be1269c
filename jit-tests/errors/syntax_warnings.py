# The SyntaxWarnings CPython 3.11's compiler gives for code that can only fail, shown
# through `warnings` before the program runs; the program then runs as usual.
def calls(_):
    return [(1, 2)(3), [1](2), {}(), "a"(), f"{1}"(), (x for x in ())(), 1.5(), None()]


def subscripts(i):
    return [1[2], 1.5[i], None[0], ...[1], True[0], 1j[0], {1}[0], (lambda: 0)[0]]


def indices(i):
    return [[1, 2][1.5], "ab"["a"], (1, 2)[None], [1][(1, 2)], b"x"[[]], f"{i}"[{}], [1][i], [1][True]]


def identities(x):
    return [x is 1, x is not "a", 1 is x, x is (), x is -1, x is None, x is ..., x is True, x is not None]


def loop(n):
    # CPython compiles a while loop's test twice: its warning shows twice.
    while n > 0 and 1[n] is not 1:
        n -= 1


def fine(x, s):
    return [x[0], s["k"], [1][0], (1, 2)[1:], len(x), x is x]


try:
    assert (1, "always")
    assert ()
except AssertionError:
    print("empty tuple is false")
for fn in (calls, subscripts, indices):
    try:
        fn(0)
    except TypeError as e:
        print(type(e).__name__, e)
print(identities(1)[5:], fine([1], {"k": 2})[:3])
