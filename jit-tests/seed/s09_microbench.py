import sys
import time

# Fast operations
start = time.time()
for _ in range(1000000):
    version = sys.version
end = time.time()
print(f"Version access: {end - start:.4f}s")

# Slower operations
start = time.time()
for _ in range(1000000):
    frames = sys._current_frames()
end = time.time()
print(f"Frame inspection: {end - start:.4f}s")
