# uncaught NameError (with a suggestion in 3.11? only for attributes)
values = [1, 2, 3]
print(sum(values))
print(valuez)
