# The gc module's interface: thresholds, enable/disable, is_tracked, debug flags,
# callbacks, get_referents/get_referrers, freeze.
import gc

print(gc.get_threshold())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

class A:
    pass

x = 5
print("int", gc.is_tracked(0), gc.is_tracked(10**30), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print("containers", gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(set()), gc.is_tracked(lambda: 0))
print("tuples", gc.is_tracked(()), gc.is_tracked((x, [])))
t = (x, x + 1)
print("tuple before", gc.is_tracked(t))
gc.collect()
print("tuple after", gc.is_tracked(t))
print("dicts", gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({"a": (x, 1)}))
d = {}
d[1] = 2
print("dict atomic", gc.is_tracked(d))
d[2] = []
print("dict container", gc.is_tracked(d))
print("builtins", gc.is_tracked(int), gc.is_tracked(len), gc.is_tracked(range(3)), gc.is_tracked(slice(1, 2)))

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
l = []; l.append(l); del l
n = gc.collect()
print("saveall", n, len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()

events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.callbacks.remove(cb)
for e in events:
    print(e)

def cb2(phase, info):
    if phase == "stop":
        print("stop collected", info["collected"], "uncollectable", info["uncollectable"])
gc.callbacks.append(cb2)
l = []; l.append(l); del l
gc.collect()
gc.callbacks.clear()

inner = [1, "two"]
outer = [inner, 3.0]
print(gc.get_referents(outer) == [inner, 3.0])
print(any(r is outer for r in gc.get_referrers(inner)))
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
objs = gc.get_objects()
print(any(o is outer for o in objs))
print(type(gc.get_count()).__name__, len(gc.get_count()))
