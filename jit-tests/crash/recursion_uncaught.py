# An uncaught RecursionError from a comparison: a traceback and exit code 1.
x = []
for _ in range(100000):
    x = [x]
print("built")
print(x == [x])
print("not reached")
