# Globals and builtins read inline from the dict entry the LoadGlobal cache names: every
# way that entry can stop being right, inside hot loops.

K = 1


def hot(n):
    s = 0
    for i in range(n):
        s += K + len("ab")
    return s


print(hot(300))
K = 5                         # rebound: same entry, new value
print(hot(300))
del K                         # gone: NameError from the compiled loop
try:
    hot(10)
except NameError as e:
    print("NameError", e)
K = 2                         # back, at a new entry
print(hot(300))


def len(x):                   # a global now shadows the builtin
    return 10


print(hot(300))
del len                       # and the builtin shows again
print(hot(300))
import builtins
real_len = builtins.len
builtins.len = lambda x: 100  # the builtin itself rebound
print(hot(300))
builtins.len = real_len
print(hot(300))
globals()["K"] = 3            # through the dict
print(hot(300))
for i in range(40):           # many new globals: the dict grows and moves its entries
    globals()["g%d" % i] = i
print(hot(300))
# The same code run with other globals.
ns = {"K": 1000, "len": lambda x: 0}
exec(hot.__code__, ns) if False else None
f = type(hot)(hot.__code__, ns)
print(f(300), hot(300))
