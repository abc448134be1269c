# truth and repr protocol errors
class L:
    def __len__(self): return -1
try:
    bool(L())
except ValueError as e:
    print(e)
class B:
    def __bool__(self): return 1
try:
    bool(B())
except TypeError as e:
    print(e)
class R:
    def __repr__(self): return 5
try:
    repr(R())
except TypeError as e:
    print(e)
