from _circ import b
VALUE = 1
