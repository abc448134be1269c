import _circ.d
X = 1
