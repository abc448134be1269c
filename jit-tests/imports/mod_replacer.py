import sys
sys.modules[__name__] = "replaced by " + __name__
