# dict and set comprehensions
print({x: x * x for x in range(6)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 5 for x in range(20)} == {0, 1, 2, 3, 4}, sorted({c for c in "mississippi"}))
print({(x, y): x * y for x in range(3) for y in range(3) if x <= y})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(groups)
print({len(w) for w in words} == {5, 6, 7, 9}, sorted({len(w) for w in words}))
counts = {ch: "hello world".count(ch) for ch in "hello world" if ch != " "}
print(counts)
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())})
print({i: {j: i * j for j in range(2)} for i in range(3)})
dup = {x // 2: x for x in range(6)}
print(dup)
