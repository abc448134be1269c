# Compute kernel: dict-heavy loops
def word_gen(n):
    syll = ["ka", "to", "ri", "mu", "se", "no", "ha", "yi"]
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + x % 3
        w = ""
        y = x
        for _ in range(k):
            w += syll[y % 8]
            y //= 8
        yield w

counts = {}
for w in word_gen(20000):
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top)
memo = {}
def ways(n):
    if n in memo:
        return memo[n]
    if n <= 1:
        r = 1
    else:
        r = ways(n - 1) + ways(n - 2) + (ways(n - 3) if n >= 3 else 0)
    memo[n] = r
    return r
print(ways(80))
graph = {i: [(i * 3) % 50, (i * 7 + 1) % 50] for i in range(50)}
seen = {0: 0}
frontier = [0]
while frontier:
    nxt = []
    for node in frontier:
        for nb in graph[node]:
            if nb not in seen:
                seen[nb] = seen[node] + 1
                nxt.append(nb)
    frontier = nxt
print(len(seen), max(seen.values()), sorted(seen.items())[:6])
