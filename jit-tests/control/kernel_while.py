# Compute kernel: while loops with complex conditions
def binary_search_all(xs, queries):
    found = 0
    for q in queries:
        lo, hi = 0, len(xs) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if xs[mid] == q:
                found += 1
                break
            elif xs[mid] < q:
                lo = mid + 1
            else:
                hi = mid - 1
    return found
xs = list(range(0, 30000, 3))
print(binary_search_all(xs, range(0, 30000, 2)))
def digits_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s
print(sum(digits_sum(i) for i in range(30000)))
a, b, steps = 1071, 462, 0
while b and steps < 100:
    a, b = b, a % b
    steps += 1
print(a, steps)
n = 0
x = 1.0
while x < 1e12 and n < 1000:
    x *= 1.07
    n += 1
print(n, round(x, 2))
