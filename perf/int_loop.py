"""Integer loops: sieve of Eratosthenes plus pure arithmetic loops."""
import sys

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    count = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
    return count

def arith(n):
    total = 0
    x = 1
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        if x % 3 == 0:
            total += x >> 7
        else:
            total -= i
    return total

def main(n):
    print(sieve(n))
    print(arith(n * 3 // 2))

main(int(sys.argv[1]) if len(sys.argv) > 1 else 2500000)
