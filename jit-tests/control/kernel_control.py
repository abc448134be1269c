# Compute kernel: branchy loops
def classify_counts(n):
    neg = zero = small = big = 0
    x = 7
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        v = x % 2001 - 1000
        if v < 0:
            neg += 1
        elif v == 0:
            zero += 1
        elif v < 500:
            small += 1
        else:
            big += 1
    return neg, zero, small, big
print(classify_counts(60000))
def fizz(n):
    c = [0, 0, 0, 0]
    for i in range(1, n + 1):
        if i % 15 == 0:
            c[0] += 1
        elif i % 3 == 0:
            c[1] += 1
        elif i % 5 == 0:
            c[2] += 1
        else:
            c[3] += 1
    return c
print(fizz(100000))
def nested_break(n):
    found = 0
    for a in range(1, n):
        for b in range(a, n):
            s = a * a + b * b
            if s > n * n:
                break
            r = int(s ** 0.5)
            if r * r == s:
                found += 1
    return found
print(nested_break(300))
i = 0
steps = 0
while i < 100000:
    if i % 7 == 3:
        i += 3
        continue
    i += 1
    steps += 1
print(steps)
