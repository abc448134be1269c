# A closing bracket that does not match the open one
values = [1, 2,
          3)
print(values)
