# heapq and bisect
import heapq, bisect
h = []
for x in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
d = [9, 4, 7, 1, 3]
heapq.heapify(d)
print(d, heapq.nlargest(2, [4, 1, 8, 3]), heapq.nsmallest(2, [4, 1, 8, 3]), heapq.heappushpop(d, 0), heapq.heapreplace(d, 10), d)
pq = []
heapq.heappush(pq, (2, "b")); heapq.heappush(pq, (1, "a")); heapq.heappush(pq, (3, "c"))
print(heapq.heappop(pq), list(heapq.merge([1, 4], [2, 3])))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
bisect.insort(a, 3)
print(a, bisect.bisect_left(a, 4, key=None))
