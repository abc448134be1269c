import sys

# Dangerous: Modifying sys.path at runtime
sys.path.insert(0, '/malicious/path')  # Could lead to module injection

# Dangerous: Changing recursion limit
sys.setrecursionlimit(10**6)  # Could cause stack overflow
