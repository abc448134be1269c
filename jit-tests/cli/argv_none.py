# no extra arguments: sys.argv is just the script path
import sys
print(sys.argv, sys.argv[0].endswith("argv_none.py"), len(sys.argv[1:]))
