# Compiled code keeps reference counts and __del__ timing exact: locals rebound in a
# hot loop release their old objects at the store, as the interpreter does.
import sys

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def rebind(a, b, n):
    x = a
    i = 0
    while i < n:
        x = b
        i += 1
    y = x
    return i

t1 = Tracked("first")
t2 = Tracked("second")
print(rebind(t1, t2, 1000))
print(sys.getrefcount(t1), sys.getrefcount(t2))
del t1
print("after del t1")

def keep(n):
    s = "abc"
    t = s
    i = 0
    while i < n:
        t = s
        i += 1
    return t

print(keep(500), keep(10) is keep(20))

def unbound(n):
    i = 0
    while i < n:
        if i == 3:
            del_me = 1
        i += 1
    return del_me

print(unbound(10))
try:
    unbound(2)
except UnboundLocalError as e:
    print("caught", e)
