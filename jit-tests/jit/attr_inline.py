# obj.attr read inline from the instance dict at the entry the cache saw: every way the
# entry can stop being the right one, inside hot loops.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(ps):
    s = 0
    for p in ps:
        s += p.x + p.y
    return s


def run():
    ps = [P(i, 2 * i) for i in range(200)]
    print(total(ps), total(ps))
    # An attribute deleted and set again (its entry moves to the end).
    for p in ps[::3]:
        del p.x
        p.x = 1
    print(total(ps))
    # Dicts with other key orders and more keys.
    for i, p in enumerate(ps[::5]):
        p.__dict__.clear()
        p.y = i
        p.z = 0
        p.x = -i
    print(total(ps))
    # A replaced __dict__, and a shared one.
    q = P(5, 6)
    q.__dict__ = dict(y=20, x=10)
    shared = {"x": 1, "y": 1}
    r1, r2 = P(0, 0), P(0, 0)
    r1.__dict__ = shared
    r2.__dict__ = shared
    print(total([q, r1, r2] * 50))
    shared["x"] = 100
    print(total([q, r1, r2] * 50))
    # The class changes: a property shadows the dict entry, then goes away.
    P.x = property(lambda self: 1000)
    print(total(ps[:10]))
    del P.x
    print(total(ps[:10]))
    # __class__ assignment to a class with the same layout.
    class Q:
        x = 7
    for p in ps[:4]:
        p.__class__ = Q
    try:
        print(total(ps[:5]))
    except AttributeError as e:
        print("AttributeError", e)
    # A missing attribute.
    bad = P(1, 2)
    del bad.y
    try:
        total([P(1, 1)] * 100 + [bad])
    except AttributeError as e:
        print("AttributeError", e)
    # Values that die with their dict.
    class Big:
        def __del__(self):
            print("freed")
    a = P(Big(), 0)
    a.x = 3
    print(total([a] * 10))


run()


# obj.attr = v into the entry the cache saw.
class Box:
    def __init__(self):
        self.v = 0
        self.w = 0


class Loud:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        if self.n % 100 == 0:
            print("replaced", self.n)


def fill(boxes, k):
    for i, b in enumerate(boxes):
        b.v = i * k
        b.w = Loud(i)
    return sum(b.v for b in boxes)


boxes = [Box() for _ in range(300)]
print(fill(boxes, 1), fill(boxes, 2))
del boxes[5].v                        # the entry goes: the store adds it back at the end
boxes[6].__dict__ = {"w": 1}          # another dict
print(fill(boxes, 3))
Box.v = property(lambda self: -1, lambda self, x: print("setter", x) if x == 0 else None)
print(fill(boxes[:3], 4))
del Box.v
print(fill(boxes, 5))
boxes.clear()
print("end")
