# uncaught KeyError
prices = {"apple": 1.5, "pear": 2.0}
print(prices["apple"])
print(prices["banana"])
