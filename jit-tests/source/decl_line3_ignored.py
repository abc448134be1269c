print("never runs")

# coding: latin-1
# (a declaration on line 3 does not count)
s = "é"
