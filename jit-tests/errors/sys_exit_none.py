# sys.exit() with no argument
import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit, code =", e.code)
sys.exit(None)
