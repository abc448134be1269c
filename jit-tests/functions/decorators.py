# function decorators
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b=0):
    """Adds."""
    return a + b
add(1, b=2)
print(add.__name__, add.__doc__, add.__wrapped__(5))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def first(fn):
    print("decorating with first")
    return lambda: "first(" + fn() + ")"
def second(fn):
    print("decorating with second")
    return lambda: "second(" + fn() + ")"
@first
@second
def base():
    return "base"
print(base())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(registry)
@lambda f: f()
def computed():
    return 42
print(computed)
decos = [trace]
@decos[0]
def sub(x, y):
    return x - y
sub(5, 3)
