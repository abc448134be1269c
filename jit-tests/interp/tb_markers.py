# traceback markers: binary operators and subscripts get ~ and ^, calls get ^
def div(a, b):
    return a / b
def pick(d, k):
    return d[k]["inner"]
def run():
    total = 10
    try:
        div(total, 0)
    except ZeroDivisionError as e:
        print("caught", e)
    return pick({"x": {}}, "x")
run()
