# uncaught IndexError
stack = [1, 2, 3]
while True:
    print(stack.pop())
