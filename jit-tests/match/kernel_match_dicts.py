# Compute kernel: mapping and class patterns in a loop
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
events = []
for i in range(12000):
    k = i % 4
    if k == 0:
        events.append({"type": "move", "dx": i % 7, "dy": -(i % 5)})
    elif k == 1:
        events.append({"type": "click", "at": Pt(i % 11, i % 13)})
    elif k == 2:
        events.append({"type": "key", "key": "abc"[i % 3]})
    else:
        events.append(("tick", i))
x = y = clicks = keys = ticks = 0
for ev in events:
    match ev:
        case {"type": "move", "dx": dx, "dy": dy}:
            x += dx
            y += dy
        case {"type": "click", "at": Pt(0, _)}:
            clicks += 100
        case {"type": "click", "at": Pt(px, py)} if px == py:
            clicks += 10
        case {"type": "click"}:
            clicks += 1
        case {"type": "key", "key": "a" | "b"}:
            keys += 1
        case ("tick", n):
            ticks += n & 1
        case _:
            pass
print(x, y, clicks, keys, ticks)
