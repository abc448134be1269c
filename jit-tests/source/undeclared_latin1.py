print("never runs")
x = 1
s = "été"
