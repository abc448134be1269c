# A function compiled for small ints sees floats, big ints, strings, bools and None:
# each call deopts (or, after many, goes back to the interpreter for good) and gives
# CPython's result; exceptions raised where a guard sent the code back come out with
# the right line.

def add(a, b):
    return a + b

def lt(a, b):
    if a < b:
        return 1
    return 0

def count(n, step, t):
    i = 0
    while i < n:
        t = t + step
        i += 1
    return t

def truth(x):
    if x:
        return "yes"
    return "no"

def none_check(x):
    if x is None:
        return "none"
    return "value"

for _ in range(300):
    add(1, 2)
    lt(1, 2)
    truth(3)
print(add(1, 2), add(1.5, 2), add(2 ** 70, 1), add("a", "b"), add(True, True))
print(lt(1, 2), lt(2.5, 1), lt("a", "b"), lt(2 ** 80, 2 ** 81))
print(count(1000, 1, 0), count(1000, 0.5, 0), count(3, "ab", ""), count(100, 2 ** 62, 0))
print(truth(0), truth(1), truth(True), truth(False), truth([]), truth([0]), truth(""), truth(None))
print(none_check(None), none_check(0))
for v in (1, 2.0, "s"):
    for _ in range(50):
        add(v, v)
    print(add(v, v))

def div(a, b):
    return a // b

for _ in range(300):
    div(7, 2)
try:
    div(1, 0)
except ZeroDivisionError as e:
    import traceback
    print("caught", e, traceback.extract_tb(e.__traceback__)[-1].lineno)
try:
    add(1, "x")
except TypeError as e:
    print("caught", e)
