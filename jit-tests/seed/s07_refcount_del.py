import sys

class MyObject:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"Deleting {self.name}")

obj = MyObject("test")
obj_id = id(obj)
print(f"Object refcount: {sys.getrefcount(obj)}")  # Note: +1 for getrefcount argument

del obj
# __del__ method called when refcount reaches 0
