# sys.exit() with no argument: status 0, nothing printed.
import sys
print("before")
sys.exit()
print("not reached")
