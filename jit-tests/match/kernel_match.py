# Compute kernel: match statements in a loop (a tiny stack VM)
def run(program, n):
    stack = []
    pc = 0
    steps = 0
    acc = 0
    while pc < len(program):
        steps += 1
        match program[pc]:
            case ("push", v):
                stack.append(v)
            case ("load",):
                stack.append(n)
            case ("add",):
                b = stack.pop(); a = stack.pop(); stack.append(a + b)
            case ("mul",):
                b = stack.pop(); a = stack.pop(); stack.append(a * b)
            case ("dec",):
                n -= 1
            case ("acc",):
                acc += stack.pop()
            case ("jnz", target):
                if n != 0:
                    pc = target
                    continue
            case op:
                raise ValueError(op)
        pc += 1
    return acc, steps
prog = [("load",), ("load",), ("mul",), ("push", 3), ("add",), ("acc",), ("dec",), ("jnz", 0)]
print(run(prog, 3000))
def kind(v):
    match v:
        case int() if v % 2 == 0:
            return 0
        case int():
            return 1
        case str():
            return 2
        case [_, _]:
            return 3
        case _:
            return 4
vals = [i if i % 3 else str(i) if i % 2 else [i, i] for i in range(20000)]
counts = [0] * 5
for v in vals:
    counts[kind(v)] += 1
print(counts)
