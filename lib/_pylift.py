"""pylift's standard-library landmark.

The interpreter finds its library folder (and so sys.prefix) by searching upward from
the executable for a directory holding lib/_pylift.py, as CPython looks for lib/python3.X/os.py.
"""

landmark = True
