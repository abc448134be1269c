import sys

# Potentially sensitive information
print(f"Executable path: {sys.executable}")  # May reveal installation details
print(f"Platform: {sys.platform}")          # System information
print(f"User environment: {sys.path}")      # Search paths
