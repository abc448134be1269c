print("never runs")  # café in a comment still counts
