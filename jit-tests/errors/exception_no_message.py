# exceptions without a message, and exception classes
def f():
    raise NotImplementedError
f()
