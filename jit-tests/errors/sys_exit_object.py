# sys.exit with a non-int, non-str object
import sys
sys.exit([1, "two"])
