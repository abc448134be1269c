import sys

# Standard streams
print(f"stdin: {sys.stdin}")
print(f"stdout: {sys.stdout}")
print(f"stderr: {sys.stderr}")

# Stream redirection affects interpreter behavior
