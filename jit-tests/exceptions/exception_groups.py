# ExceptionGroup and except* (3.11)
try:
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], type(eg).__name__, eg.message)
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("g", [KeyError("k"), ExceptionGroup("inner", [OSError("o")])])
print(repr(eg), len(eg.exceptions), str(eg))
match, rest = eg.split(KeyError)
print(repr(match), repr(rest))
sub = eg.subgroup(lambda e: isinstance(e, OSError))
print(repr(sub))
try:
    try:
        raise ExceptionGroup("x", [ZeroDivisionError("z"), IndexError("i")])
    except* ZeroDivisionError:
        print("handled zero")
except ExceptionGroup as left:
    print("leftover", repr(left))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("wrapped:", repr(eg))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
