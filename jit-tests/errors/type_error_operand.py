# uncaught TypeError: unsupported operand
items = ["a", "b"]
count = 2
print(items[0] + str(count))
message = "count: " + count
