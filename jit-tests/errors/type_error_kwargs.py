# uncaught TypeError: unexpected keyword argument
class Box:
    def __init__(self, w, h):
        self.w, self.h = w, h
b = Box(1, 2)
print(b.w)
Box(1, 2, depth=3)
