# uncaught IndexError on subscript
rows = [[1, 2], [3, 4]]
print(rows[1][1])
print(rows[2][0])
