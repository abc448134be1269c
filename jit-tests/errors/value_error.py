# uncaught ValueError from int()
for token in ["10", "20", "thirty"]:
    print(int(token) * 2)
