# output to both stdout and stderr, exit code 0
import sys
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
sys.stderr.write("stderr via write\n")
print("to stdout 2")
sys.stdout.flush()
print("to stderr 2", file=sys.stderr)
