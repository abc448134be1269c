from _circ.a import VALUE
