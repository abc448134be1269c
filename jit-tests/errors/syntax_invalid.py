# SyntaxError: invalid syntax
print("never")
if x = 5:
    pass
