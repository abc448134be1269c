# mixed control flow: returns inside loops/try, nested breaks
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
g = [[1, 2], [3, 4], [5, 6]]
print(search(g, 4), search(g, 7))
def with_finally_in_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(with_finally_in_loop())
def return_in_finally_loop():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(return_in_finally_loop())
def while_try():
    i = 0
    res = []
    while True:
        try:
            i += 1
            if i > 4:
                raise StopIteration
            res.append(i)
        except StopIteration:
            break
    return res
print(while_try())
state = "start"
steps = []
while state != "done":
    steps.append(state)
    if state == "start":
        state = "middle"
    elif state == "middle":
        state = "end"
    else:
        state = "done"
print(steps)
def early_exit(xs):
    total = 0
    for x in xs:
        if x < 0:
            print("negative found")
            break
        total += x
    else:
        print("all non-negative")
        return total
    return -total
print(early_exit([1, 2, 3]), early_exit([1, -2, 3]))
