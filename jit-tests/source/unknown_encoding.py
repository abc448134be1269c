# coding: klingon
print("never runs")
