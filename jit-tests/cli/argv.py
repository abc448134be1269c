# command-line arguments from argv.args
import sys
print(len(sys.argv))
for i, a in enumerate(sys.argv):
    print(i, repr(a))
nums = [int(a) for a in sys.argv[1:] if a.lstrip("-").isdigit()]
print("sum of numeric args:", sum(nums))
