# exception raised inside a class body
class Broken:
    x = 1
    y = x / 0
