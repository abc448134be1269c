import sys

# sys.modules can be large in complex applications
print(f"sys.modules size: {sys.getsizeof(sys.modules)} bytes")

# Path list memory usage
total_path_memory = sum(sys.getsizeof(path) for path in sys.path)
print(f"sys.path memory: {total_path_memory} bytes")
