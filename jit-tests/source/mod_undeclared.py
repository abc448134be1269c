print("module runs")
s = "é"
