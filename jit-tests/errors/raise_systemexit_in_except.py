# SystemExit from inside an except block does not print the traceback
try:
    1 / 0
except ZeroDivisionError:
    raise SystemExit(2)
