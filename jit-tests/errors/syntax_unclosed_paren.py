# SyntaxError: unclosed parenthesis
print("never")
values = [1, 2,
          3, 4
total = sum(values)
