# collections: namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap
P = namedtuple("P", ["x", "y"], defaults=[0])
p = P(1)
print(p, P._field_defaults, P.__name__, P.__module__, isinstance(p, tuple), p == (1, 0), hash(p) == hash((1, 0)))
x, y = p
print(x, y, P._make([3, 4]), len(p), p.count(1))
try:
    P()
except TypeError as e:
    print(e)
match p:
    case P(x=1, y=yy):
        print("matched", yy)
d = deque(range(5))
d.rotate(-2)
print(d, d[-1], 3 in d, list(reversed(d)), d.maxlen)
d.extendleft([9, 8])
print(d, len(d), d.index(3))
try:
    deque().pop()
except IndexError as e:
    print(e)
dd = defaultdict(int)
for ch in "hello":
    dd[ch] += 1
print(dd, dd.default_factory)
c = Counter(a=3, b=1)
print(c, c.most_common(1), c.total(), Counter("aab") & Counter("abb"), Counter("aab") | Counter("abb"))
print(Counter(), -Counter(a=-2), Counter(a=1) == Counter(a=1, b=0))
od = OrderedDict()
od["z"] = 1; od["a"] = 2
print(od, od == {"a": 2, "z": 1}, od == OrderedDict([("a", 2), ("z", 1)]))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm)
words = "the quick the lazy the end".split()
print(Counter(words).most_common(2))
q = deque()
q.append(1); q.append(2); q.popleft(); q.append(3)
while q:
    print("bfs", q.popleft())
