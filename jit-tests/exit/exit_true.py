# sys.exit(True) is int 1.
import sys
sys.exit(True)
