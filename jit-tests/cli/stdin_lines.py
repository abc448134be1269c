# iterate stdin line by line and use input()
import sys
first = input()
second = input("prompt> ")
print("first:", repr(first))
print("second:", repr(second))
rest = [line.rstrip("\n") for line in sys.stdin]
print("rest:", rest)
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
