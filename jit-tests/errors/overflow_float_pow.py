# uncaught OverflowError from float power
x = 10.0
print(x ** 300)
print(x ** 400)
