# Compute kernel: recursion and iterative big-int fib
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))

print(fib(20))
print([fib(i) for i in range(15)])
print(fib_iter(300))
print(ackermann(2, 3), ackermann(3, 3))
print(tak(12, 8, 4))
