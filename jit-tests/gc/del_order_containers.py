# The order __del__ runs in when containers let go of their items: last to first for
# list dealloc, clear and plain-slice deletion, and tuple dealloc; in order for an
# extended slice, as CPython.
class L:
    def __init__(s,n): s.n=n
    def __del__(s): print('d', s.n)
a=[L(1),L(2),L(3)]
del a[:]
print('--')
b=[L(1),L(2),L(3)]
b.clear()
print('--')
c=[L(1),L(2),L(3)]
del c
print('--')
t=(L(1),L(2),L(3))
del t
a=[L(1),L(2),L(3),L(4)]
a[1:3]=[]
a=[L(1),L(2),L(3),L(4)]
del a[::2]
