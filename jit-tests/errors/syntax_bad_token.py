# SyntaxError: invalid character / bad token
print("this never runs")
x = 5 $ 3
