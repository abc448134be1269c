# sys.getrefcount in the common cases tutorials show.
import sys

class MyObject:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(f"Deleting {self.name}")

obj = MyObject("test")
print(f"Object refcount: {sys.getrefcount(obj)}")
other = obj
print(sys.getrefcount(obj))
lst = [obj, obj]
print(sys.getrefcount(obj))
del lst
del other
print(sys.getrefcount(obj))

def inside(o):
    return sys.getrefcount(o)
print(inside(obj))

x = []
print(sys.getrefcount(x))
y = [x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
print(sys.getrefcount(y[0]))
print(sys.getrefcount(MyObject("temp")))
del obj
print("end")
