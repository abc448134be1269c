# No sys.excepthook at all.
import sys

del sys.excepthook
1 / 0
