# sys exposes initialization details
import sys
print(f"Python executable: {sys.executable}")
print(f"Prefix path: {sys.prefix}")
print(f"Base prefix: {sys.base_prefix}")
