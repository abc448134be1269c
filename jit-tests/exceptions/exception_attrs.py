# attributes and str/repr of builtin exceptions
print(repr(ValueError()), repr(ValueError(1, 2)), str(KeyError('a')), str(KeyError()), str(KeyError(1, 2)))
print(OSError(2, 'No such file'), type(OSError(2, 'x')).__name__, OSError(2, 'x', 'f'), OSError(1), OSError(2, 'x', 'f', None, 'g'))
e = OSError(13, "denied", "/x")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
err = ImportError("m", name="mod", path="/p")
print(err.name, err.path, err.msg, str(err), repr(err))
try:
    ImportError(bad=1)
except TypeError as x:
    print(x)
try:
    ValueError(x=1)
except TypeError as x:
    print(x)
print(AttributeError("x", name="n", obj=1).name, NameError("q", name="nm").name)
s = SyntaxError("bad", ("f.py", 3, 4, "x y", 3, 5))
print(s, s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as u:
    print(u)
try:
    "é".encode("ascii")
except UnicodeEncodeError as u:
    print(u)
e = ValueError("a")
e.add_note("n1")
e.add_note("n2")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as x:
    print(x)
print(e.with_traceback(None) is e, e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError(1)
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as x:
    print(x)
e.args = [1, 2]
print(e.args, str(e))
class MyErr(Exception):
    def __str__(self):
        return "custom " + super().__str__()
print(MyErr("z"), repr(MyErr("z")), MyErr.__mro__)
print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError is OSError)
eg = ExceptionGroup("g", [ValueError(1), TypeError(2)])
print(str(eg), repr(eg), eg.message, eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
try:
    ExceptionGroup("x", [])
except ValueError as x:
    print(x)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as x:
    print(x)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
