# uncaught RecursionError from infinite recursion
def forever(n):
    return forever(n + 1)
print("about to recurse")
forever(0)
