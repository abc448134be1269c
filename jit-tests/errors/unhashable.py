# uncaught TypeError: unhashable type
seen = set()
for item in [1, "a", [2, 3]]:
    seen.add(item)
