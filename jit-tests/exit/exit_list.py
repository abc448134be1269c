# A non-int code is printed to stderr and the status is 1.
import sys
sys.exit([1, 2])
