"""Dict work: count generated words, then build an index and merge counters."""
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "vu", "ga", "zo"]

def words(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (x >> 4) % 3
        w = SYLLABLES[x % 12]
        y = x >> 8
        for _ in range(k):
            w += SYLLABLES[y % 12]
            y //= 12
        yield w

def main(n):
    counts = {}
    for w in words(n, 7):
        counts[w] = counts.get(w, 0) + 1
    index = {}
    for w, c in counts.items():
        key = w[:2]
        if key in index:
            index[key].append(c)
        else:
            index[key] = [c]
    other = {}
    for w in words(n // 2, 99):
        if w in counts:
            other[w] = other.get(w, 0) + counts[w]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(len(counts), top)
    print(sorted((k, sum(v)) for k, v in index.items())[:4])
    print(len(other), sum(other.values()))

main(int(sys.argv[1]) if len(sys.argv) > 1 else 900000)
