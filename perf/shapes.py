"""Object-oriented code: a class hierarchy with __init__, methods calling methods,
properties, attribute updates and isinstance dispatch over a list of objects."""
import sys


class Shape:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.moves = 0

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        self.moves += 1

    def area(self):
        return 0

    def describe(self):
        return self.kind() + ":" + str(self.area())


class Rect(Shape):
    def __init__(self, x, y, w, h):
        Shape.__init__(self, x, y)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def kind(self):
        return "rect"

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, x, y, s):
        Rect.__init__(self, x, y, s, s)

    def kind(self):
        return "square"


class Circle(Shape):
    def __init__(self, x, y, r):
        super().__init__(x, y)
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def kind(self):
        return "circle"

    @property
    def perimeter(self):
        return 6 * self.r


def build(n):
    shapes = []
    for i in range(n):
        k = i % 3
        if k == 0:
            shapes.append(Rect(i, -i, i % 7 + 1, i % 5 + 1))
        elif k == 1:
            shapes.append(Square(-i, i, i % 9 + 1))
        else:
            shapes.append(Circle(i % 11, i % 13, i % 4 + 1))
    return shapes


def step(shapes, t):
    total = 0
    for s in shapes:
        s.move(t % 3 - 1, 1 - t % 3)
        total += s.area() + s.perimeter
        if isinstance(s, Rect) and s.x > s.y:
            total -= 1
    return total


def main(n):
    shapes = build(n)
    acc = 0
    for t in range(40):
        acc += step(shapes, t)
    print(acc)
    print(sum(s.moves for s in shapes), shapes[5].describe(), shapes[7].describe(), shapes[8].describe())
    print(sorted(set(s.kind() for s in shapes)))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 60000)
