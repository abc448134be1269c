# stdin is /dev/null when no .in file exists
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input("never shown? ")
except EOFError:
    print("EOFError on empty stdin")
