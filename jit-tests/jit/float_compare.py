# Float comparisons fused with their branch in compiled code: every operator, NaN,
# signed zeros, infinities, and operands that turn out to be ints or other objects.
nan, inf = float("nan"), float("inf")
vals = [0.0, -0.0, 1.5, -2.5, inf, -inf, nan, 1e308, 5e-324]


def table(xs):
    out = []
    for a in xs:
        row = ""
        for b in xs:
            row += "<" if a < b else "."
            row += "=" if a <= b else "."
            row += "e" if a == b else "."
            row += "n" if a != b else "."
            row += ">" if a > b else "."
            row += "g" if a >= b else "."
        out.append(row)
    return out


for _ in range(3):
    for r in table(vals):
        print(r)


def count_below(xs, limit):
    n = 0
    for x in xs:
        if x * 2.0 < limit:
            n += 1
    return n


print(count_below([i * 0.25 for i in range(400)], 50.0))
print(count_below([i * 0.25 for i in range(400)] + [1, 2, 2**60, True], 50.0))


def mixed(xs):
    n = 0
    for x in xs:
        if x > 0.5:
            n += 1
    return n


print(mixed([0.1, 0.9] * 300 + [2**53 + 1, 1, 0, 10**400]))
try:
    print(mixed([0.1] * 300 + ["s"]))
except TypeError as e:
    print("TypeError", e)


class F(float):
    def __lt__(self, other):
        return True


def sub(xs):
    return sum(1 for x in xs if x < 0.0)


print(sub([1.0] * 300 + [F(5.0)]))
