# sys.exit(message) writes to the current sys.stderr; a huge BytesIO write is a MemoryError
import io, sys
b = io.BytesIO()
b.seek(10**15)
try:
    b.write(b"x")
except MemoryError as e:
    print("MemoryError", e)
class E:
    def write(self, s): sys.__stdout__.write("ERR:" + s)
    def flush(self): pass
sys.stderr = E()
sys.exit("bye")
