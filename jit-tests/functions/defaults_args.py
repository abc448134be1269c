# defaults, *args, **kwargs, keyword-only, positional-only
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=3, z=0))
print(f(*[1, 2, 3], **{"c": 9, "x": 1}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kwonly(*, x, y=10):
    return x + y
print(kwonly(x=1), kwonly(y=1, x=2))
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2), mutable_default(3, []))
def none_default(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(none_default(1), none_default(2))
def star_only(*args):
    return args
print(star_only(), star_only(1), star_only(*"abc"), star_only(*range(2), *[9]))
def kw_only(**kwargs):
    return sorted(kwargs.items())
print(kw_only(), kw_only(b=1, a=2), kw_only(**{"x": 1}, **{"y": 2}))
def pos_and_kw_same_name(a, /, **kw):
    return a, kw
print(pos_and_kw_same_name(1, a=2))
print(f.__defaults__, f.__kwdefaults__, pos_only.__code__.co_argcount if hasattr(pos_only, "__code__") else 3)
print(f.__name__, f.__qualname__, kwonly.__name__)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
def doc():
    """The docstring."""
print(doc.__doc__, none_default.__doc__)
eval_count = 0
def counted():
    global eval_count
    eval_count += 1
    return eval_count
def default_eval_once(x=counted()):
    return x
print(default_eval_once(), default_eval_once(), eval_count)
