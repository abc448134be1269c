"""List sorting: tuples, objects with key functions, and a pure-Python merge sort."""
import sys

class Rec:
    __slots__ = ("name", "age", "score")
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score

def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x)
    return out

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out = []
    i = j = 0
    la, lb = len(a), len(b)
    while i < la and j < lb:
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out

def main(n):
    nums = lcg(1, n)
    tuples = [(v % 1000, v % 7, -v) for v in nums]
    tuples.sort()
    recs = [Rec("n%d" % (v % 5000), v % 90, (v >> 5) % 10000) for v in nums]
    by_key = sorted(recs, key=lambda r: (r.age, -r.score, r.name))
    by_name = sorted(recs, key=lambda r: r.name, reverse=True)
    ms = merge_sort(nums[: n // 2])
    print(tuples[0], tuples[-1])
    print(by_key[0].name, by_key[-1].name, by_name[0].name)
    print(ms[0], ms[-1], ms == sorted(nums[: n // 2]))

main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000)
