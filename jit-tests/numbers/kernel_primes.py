# Compute kernel: prime sieve and trial division
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [k for k in range(n + 1) if flags[k]]

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True

ps = sieve(30000)
print(len(ps), ps[:10], ps[-3:], sum(ps))
count = 0
for n in range(100000, 100600):
    if is_prime(n):
        count += 1
print(count)
twins = 0
for a, b in zip(ps, ps[1:]):
    if b - a == 2:
        twins += 1
print(twins)
h = 0
for p in ps:
    h = (h * 131 + p) % 1000000007
print(h)
