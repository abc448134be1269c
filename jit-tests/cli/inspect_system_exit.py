# -i: a SystemExit in the script is reported like any exception and the prompt follows.
import sys
print("before exit")
sys.exit(3)
