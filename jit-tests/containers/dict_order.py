# dict ordering, iteration, mutation during iteration, views
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d))
d["alpha"] = 100
print(list(d))
del d["zeta"]
d["zeta"] = 0
print(list(d.items()))
try:
    for k in d:
        d[k + "x"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
d = {i: i * i for i in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
v = d.values()
print(sum(v), max(v), sorted(v, reverse=True), 16 in v)
it = iter(d.items())
print(next(it), next(it))
print({**d, 100: "x", 0: "zero"})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {v: k for k, v in counts.items()}
print(inv)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested)
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n % 3
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return "Key(%d)" % self.n
kd = {Key(i): i for i in range(7)}
print(kd[Key(4)], len(kd), Key(9) in kd, list(kd)[:3])
