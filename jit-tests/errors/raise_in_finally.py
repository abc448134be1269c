# exception raised in finally replaces the original (context kept)
def f():
    try:
        raise KeyError("original")
    finally:
        raise IndexError("from finally")
f()
