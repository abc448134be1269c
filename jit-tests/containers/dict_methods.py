# dict methods
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"x": 10}, y=20)
d.update([("p", 1)])
print(d)
print(d.setdefault("a", 99), d.setdefault("new", []), d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2)]), dict({"k": "v"}, z=0))
print(dict(zip("xyz", range(3))), {k: v for k, v in [("a", 1)]})
m = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(m)
m |= {"d": 5}
print(m, list(reversed(m)), list(reversed(m.items())))
c.clear()
print(c, bool(c), bool(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
ks = d.keys()
d["late"] = 1
print(ks, len(ks), "late" in ks)
print(d.keys() & {"a", "zz"}, sorted(d.keys() | {"q"}), sorted(d.keys() - {"a"}), d.items() >= {("a", 1)})
print({1: "a"} == {1: "a"}, {1: "a"} != {1: "b"}, {1: 2, 3: 4} == {3: 4, 1: 2})
print(repr({}), repr({1: {2: {}}}), str({"k": "v"}), {"k": None})
