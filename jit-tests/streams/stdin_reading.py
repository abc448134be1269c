# sys.stdin: readline, iteration, read, readlines, input()
import sys

print(repr(sys.stdin.readline()))
print(repr(input()))
print(repr(input("prompt: ")))
for i, line in enumerate(sys.stdin):
    print(i, repr(line))
    if i == 1:
        break
print(sys.stdin.readlines()[:2])
print(repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
