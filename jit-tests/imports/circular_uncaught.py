# an uncaught circular import error: the traceback shows each module's import line
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _circ.a
