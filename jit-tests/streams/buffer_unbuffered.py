# -u (see .flags): the std buffers are raw FileIO objects and every write goes out in order.
import sys

b = sys.stdout.buffer
print(b is sys.stdout.buffer, repr(b), repr(sys.stdin.buffer), repr(sys.stderr.buffer))
sys.stdout.write("text1\n")
b.write(b"bytes1\n")
print("text2")
b.write(b"bytes2\n")
