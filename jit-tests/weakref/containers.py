# WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize.
import weakref

class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "K(%d)" % self.n

vals = [K(i) for i in range(4)]
wvd = weakref.WeakValueDictionary()
for i, v in enumerate(vals):
    wvd[i] = v
print(len(wvd), sorted(wvd.keys()))
del v
vals.pop()
vals.pop(0)
print(len(wvd), sorted(wvd.keys()), wvd.get(1))
print(wvd.get(0), 0 in wvd, 1 in wvd)

keys = [K(i) for i in range(3)]
wkd = weakref.WeakKeyDictionary()
for k in keys:
    wkd[k] = k.n * 10
print(len(wkd), sorted(wkd.values()))
del k
del keys[1]
print(len(wkd), sorted(wkd.values()))

ws = weakref.WeakSet()
items = [K(i) for i in range(5)]
for it in items:
    ws.add(it)
del it
print(len(ws))
items = items[:2]
print(len(ws), sorted(x.n for x in ws))

def done(name):
    print("finalized", name)
obj = K(9)
fin = weakref.finalize(obj, done, "obj")
print(fin.alive)
del obj
print(fin.alive)
print("end of script")
