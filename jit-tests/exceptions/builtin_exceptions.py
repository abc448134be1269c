# built-in exceptions raised by operations (caught), messages and hierarchy
cases = [
    ("1/0", ZeroDivisionError), ("1%0", ZeroDivisionError), ("1.0/0", ZeroDivisionError), ("1//0.0", ZeroDivisionError),
    ("undefined_name", NameError), ("[][0]", IndexError), ("()[5]", IndexError), ("'x'[9]", IndexError),
    ("{}['a']", KeyError), ("{}[(1, 2)]", KeyError), ("int('x')", ValueError), ("[].remove(0)", ValueError),
    ("None.foo", AttributeError), ("(1).bar", AttributeError), ("'s'.nope", AttributeError),
    ("1 + 'a'", TypeError), ("len(5)", TypeError), ("[] < 1", TypeError), ("hash([])", TypeError),
    ("import no_such_module_xyz", ModuleNotFoundError), ("from sys import nope", ImportError),
    ("next(iter([]))", StopIteration), ("float('1e400') > 0 and int(float('inf'))", OverflowError),
    ("'a'.encode('ascii') and 'é'.encode('ascii')", UnicodeEncodeError), ("chr(-1)", ValueError),
    ("list(range(3)).pop(7)", IndexError), ("set().pop()", KeyError), ("a, b = [1]", ValueError),
    ("a, b = [1, 2, 3]", ValueError), ("a, *b, c = [1]", ValueError), ("divmod(1, 0)", ZeroDivisionError),
    ("{}.fromkeys(1)", TypeError), ("(1, 2).append(3)", AttributeError), ("object().x = 1", AttributeError),
    ("'abc'.index('z')", ValueError), ("int.nope", AttributeError), ("[1, 2, 3][1:2] = 5", TypeError),
    ("assert 1 > 2, 'msg'", AssertionError), ("raise NotImplementedError('todo')", NotImplementedError),
    ("open('/nonexistent/dir/file.txt')", FileNotFoundError),
]
for src, expected in cases:
    if expected is None:
        continue
    try:
        exec(src)
        print("no exception:", src)
    except BaseException as e:
        ok = isinstance(e, expected)
        print(f"{src!r:55} {type(e).__name__}: {e}" + ("" if ok else " UNEXPECTED"))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(UnicodeEncodeError, ValueError), issubclass(KeyboardInterrupt, Exception))
print(issubclass(SystemExit, BaseException), issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), IOError is OSError)
print([c.__name__ for c in OverflowError.__mro__], [c.__name__ for c in NotADirectoryError.__mro__])
