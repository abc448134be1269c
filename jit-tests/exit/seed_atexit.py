import sys
import atexit

def cleanup():
    print("Performing cleanup...")

atexit.register(cleanup)

# Controlled exit
sys.exit("Program completed successfully")
