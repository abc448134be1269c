# CPython's heapq.py and bisect.py over the native _heapq/_bisect: results, the order of
# user __lt__ calls (as _heapqmodule.c/_bisectmodule.c make them), key=, and the errors.
import bisect
import heapq
import random

log = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return "K(%d)" % self.v


h = [K(v) for v in [5, 3, 8, 1, 9, 2]]
heapq.heapify(h)
print(h, log)
log.clear()
heapq.heappush(h, K(0))
print(heapq.heappop(h), heapq.heapreplace(h, K(7)), heapq.heappushpop(h, K(4)), log)
log.clear()

rng = random.Random(5)
data = [rng.randrange(1000) for _ in range(200)]
hh = []
for x in data:
    heapq.heappush(hh, x)
print([heapq.heappop(hh) for _ in range(10)], len(hh))
print(heapq.nlargest(5, data), heapq.nsmallest(5, data, key=lambda x: -x), list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge(["a", "cc"], ["bbb"], key=len, reverse=False)))
m = [3, 1, 2]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)
for call in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
             lambda: heapq.heapify(None), lambda: heapq.heappush([1, "a"], 2)]:
    try:
        print(call())
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class Shrink:
    def __lt__(self, other):
        shared.clear()
        return False


shared = [Shrink(), Shrink(), Shrink()]
try:
    heapq.heapify(shared)
except RuntimeError as e:
    print("RuntimeError", e)

a = [1, 2, 2, 2, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 2), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 9, 0, 3))
bisect.insort(a, 3)
bisect.insort_left(a, 2)
bisect.insort_right(a, 0, hi=0)
print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
print(recs)
log.clear()
ks = [K(1), K(3), K(5), K(7)]
print(bisect.bisect_left(ks, K(4)), bisect.bisect_right(ks, K(5)), log)


class L(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


ll = L([1, 3])
bisect.insort(ll, 2)
print(ll, bisect.bisect("abcd", "c"), bisect.bisect_left(range(0, 100, 5), 42))
for call in [lambda: bisect.bisect_left([1], 1, -1), lambda: bisect.bisect([1, "a"], 2), lambda: bisect.insort(None, 1)]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
