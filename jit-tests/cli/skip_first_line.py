this first line is not Python: -x skips it (line numbers still count it)
import sys
print("second line runs", sys.argv[1:])
1 / 0
