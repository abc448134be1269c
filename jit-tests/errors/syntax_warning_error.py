# Under -W error a compile-time SyntaxWarning is a SyntaxError at the expression, and
# nothing runs.
print("never printed")
x = [1, 2]
y = x[0] + (3, 4)(5)
