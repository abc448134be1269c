# Closure variables read and written by compiled loops (LoadDeref/StoreDeref through
# helpers), with the cases the helpers leave to the interpreter: a free variable read
# before the enclosing function binds it, a cell variable deleted, and a cell value
# whose __del__ runs when a compiled loop replaces it.

def counter():
    count = 0
    def bump(k):
        nonlocal count
        for _ in range(k):
            count += 1
        return count
    return bump

b = counter()
print(b(100), b(250))

def early():
    def read():
        total = 0
        for i in range(3):
            total += late + i
        return total
    try:
        read()
    except NameError as e:
        print("NameError:", e)
    late = 10
    return read()

print(early())

def deleted():
    x = 1
    def get():
        return x
    out = [get()]
    del x
    try:
        get()
    except NameError as e:
        out.append(str(e))
    return out

print(deleted())

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

def replace():
    cur = Noisy(-1)
    def swap(n):
        nonlocal cur
        cur = Noisy(n)
    for i in range(3):
        swap(i)
    print("last", cur.n)

replace()

def make_adders():
    return [lambda v, k=k: v + k for k in range(4)]

def shared():
    acc = []
    total = 0
    def add(v):
        nonlocal total
        total += v
        acc.append(total)
    for v in range(6):
        add(v)
    return acc, total

print([f(10) for f in make_adders()], shared())
