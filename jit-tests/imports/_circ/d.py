import _circ.c
print(_circ.c.X)
