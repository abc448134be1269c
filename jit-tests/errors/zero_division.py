# uncaught ZeroDivisionError inside nested calls
def ratio(a, b):
    return a / b
def compute(values):
    total = 0
    for v in values:
        total += ratio(10, v)
    return total
print("start")
print(compute([1, 2, 0, 4]))
print("never")
