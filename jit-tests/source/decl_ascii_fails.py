# coding: ascii
print("never runs")
s = "é"
