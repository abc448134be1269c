# read all of stdin from stdin_read.in
import sys
data = sys.stdin.read()
lines = data.splitlines()
print(len(data), len(lines))
for line in lines:
    words = line.split()
    print(f"{len(words):2d} | {line[::-1]}")
print(sum(int(w) for line in lines for w in line.split() if w.isdigit()))
