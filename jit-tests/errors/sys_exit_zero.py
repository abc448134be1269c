# sys.exit(0) and sys.exit() mean success
import sys
print("clean exit")
sys.exit(0)
