# match: sequence patterns
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [0, *rest]:
            return f"starts with 0, rest={rest}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
for v in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 5], [1, 2, 3, 4], range(3)]:
    print(repr(v), "->", seq(v))
def not_sequences(v):
    match v:
        case [a, b]:
            return f"pair {a} {b}"
        case _:
            return "not matched"
print(not_sequences("ab"), not_sequences(b"ab"), not_sequences({1: 2, 3: 4}), not_sequences(iter([1, 2])), not_sequences(bytearray(b"ab")))
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(x, y), *others]:
            return f"point {x},{y} then {len(others)} more"
        case [str() as s, int() as n]:
            return s * n
        case _:
            return None
print(nested([[1, 2], [3, 4]]), nested([(0, 1), 2, 3]), nested(["ab", 3]), nested("no"))
def command(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return f"unknown: {cmd!r}"
for c in ["go north", "pick up lamp", "take key", "drop a b c", "drop", "exit", "dance"]:
    print(command(c))
