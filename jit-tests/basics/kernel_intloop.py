# Compute kernel: integer loops
def sum_to(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total

def sum_squares(n):
    s = 0
    for i in range(n):
        s += i * i
    return s

def collatz_max(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        steps = 0
        x = n
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
    return best_n, best

def gcd_sum(n):
    s = 0
    for a in range(1, n):
        for b in range(1, n):
            x, y = a, b
            while y:
                x, y = y, x % y
            s += x
    return s

print(sum_to(100000))
print(sum_squares(50000))
print(collatz_max(3000))
print(gcd_sum(60))
acc = 0
for i in range(20000):
    acc = (acc * 31 + i) & 0xFFFFFFFF
print(acc)
