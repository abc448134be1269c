# sys.exit(261): the status is taken modulo 256 by the OS.
import sys
sys.exit(256 + 5)
