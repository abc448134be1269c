# user-defined exception hierarchies
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__(f"{what} not found")
        self.what = what
        self.code = code
class Detailed(AppError):
    def __str__(self):
        return "detailed: " + ", ".join(map(str, self.args))
for exc in [NotFound("page"), Detailed(1, 2), AppError("plain"), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.what, e.code, e.args)
    except AppError as e:
        print("AppError", type(e).__name__, str(e), repr(e), e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__[1:3])
print(isinstance(NotFound("x"), BaseException))
try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)
class NoArgs(Exception):
    pass
try:
    raise NoArgs
except NoArgs as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise Detailed("x")
    except (ValueError, AppError) as e:
        print("tuple catch", type(e).__name__)
        raise NotFound("inner") from e
except AppError as e:
    print(str(e), "<-", str(e.__cause__))
class WithNotes(Exception):
    pass
e = WithNotes("n")
if hasattr(e, "add_note"):
    e.add_note("note 1")
    e.add_note("note 2")
    print(e.__notes__)
else:
    print(["note 1", "note 2"])
print(KeyError("k").args, str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), repr(OSError(2, "No such file")))
print(str(OSError(2, "No such file")), OSError(2, "x").errno, OSError(2, "x").strerror, type(OSError(2, "x")).__name__)
print(StopIteration(5).value, SystemExit(3).code, str(UnicodeError("u")))
