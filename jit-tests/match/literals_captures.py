# match: literal, capture, wildcard, value patterns, or-patterns, guards
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case 3.5:
            return "three and a half"
        case b"bytes":
            return "bytes literal"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case x:
            return f"other {x!r}"
for v in [0, 2, -1, "hello", True, None, 3.5, b"bytes", 500, "longer string", 42, "hi", 1.0, False]:
    print(repr(v), "->", describe(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case _:
            return "unknown"
print(color("red"), color("green"), color("blue"))
def bind_check(v):
    match v:
        case (1 | 2) as small:
            return ("small", small)
        case [x] | (x, 0):
            return ("single-ish", x)
        case _:
            return "nothing"
print(bind_check(2), bind_check([7]), bind_check((8, 0)), bind_check((8, 1)))
x = "global"
match 5:
    case y:
        pass
print(y)
match 10:
    case n if n > 100:
        print("never")
    case n if n > 5:
        print("guard hit", n)
