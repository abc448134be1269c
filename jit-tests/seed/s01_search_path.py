import sys

# Module search paths
for path in sys.path:
    print(f"Search path: {path}")

# Loaded modules registry
print(f"Total loaded modules: {len(sys.modules)}")
