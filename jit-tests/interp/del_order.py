# __del__ runs right after the last reference goes, and for globals at exit
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A(1)
del a
print("after del")
b = A(2)
b = None
print("after rebind")
def f():
    c = A(3)
    return 1
f()
print("after f")
keep = A(4)
lst = [A(5), A(6)]
print("end")
