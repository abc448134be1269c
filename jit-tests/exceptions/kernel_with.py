# Compute kernel: with-statements and try/finally in loops
class Guard:
    def __init__(self):
        self.enters = 0
        self.exits = 0
        self.swallowed = 0
    def __enter__(self):
        self.enters += 1
        return self
    def __exit__(self, et, ev, tb):
        self.exits += 1
        if et is KeyError:
            self.swallowed += 1
            return True
        return False
g = Guard()
d = {}
for i in range(20000):
    with g:
        d[i % 50] = d[i % 50 + 1000] + 1 if i % 3 else i
print(g.enters, g.exits, g.swallowed, sum(d.values()))
count = 0
for i in range(20000):
    try:
        if i % 4 == 0:
            continue
        count += i
    finally:
        count -= 1
print(count)
def nested(n):
    total = 0
    for i in range(n):
        try:
            try:
                if i % 5 == 0:
                    raise ValueError(i)
                total += 1
            finally:
                total += 2
        except ValueError as e:
            total += e.args[0] % 3
    return total
print(nested(20000))
