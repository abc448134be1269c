# numeric processing of stdin (like a competitive-programming task)
import sys
n = int(sys.stdin.readline())
rows = [list(map(int, sys.stdin.readline().split())) for _ in range(n)]
print([sum(r) for r in rows], max(max(r) for r in rows))
for line in sys.stdin:
    line = line.strip()
    if line:
        print("extra:", line.upper())
