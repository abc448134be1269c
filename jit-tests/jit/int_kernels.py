# Hot small-int loops the JIT compiles: every operator it inlines, negative operands
# (floor division and modulo round toward -inf), shifts, and results that leave the
# 62-bit small-int range in the middle of a loop (a guard hands the loop to the
# interpreter, which goes on with big ints).

def ops(n):
    acc = 0
    i = -n
    while i < n:
        a = i * 7 - 3
        b = (i % 5) - 2
        if b != 0:
            acc += a // b + a % b
        acc ^= (a & 0xFF) | (i << 3)
        acc -= (a >> 2) + (i >> 70 if i > 0 else 0)
        i += 1
    return acc

def grow(n):
    x = 3
    i = 0
    while i < n:
        x = x * 3 + 1
        i += 1
    return x

def shrink(n):
    x = 1 << 70
    i = 0
    while i < n:
        x = x // 3
        i += 1
    return x

def lshift(n):
    out = 0
    i = 0
    while i < n:
        out += 1 << i
        i += 1
    return out

def bounds():
    big = (1 << 62) - 1
    small = -(1 << 62)
    r = 0
    i = 0
    while i < 3:
        r = big + i
        r = small - i
        i += 1
    return r, big + 1, small - 1

for n in (0, 1, 10, 1000, 5000):
    print(n, ops(n))
print(grow(10), grow(50))
print(shrink(5), shrink(60))
print(lshift(10), lshift(70))
print(bounds())
