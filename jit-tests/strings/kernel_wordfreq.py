# Compute kernel: word frequency and string methods in loops
text = ("It was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity. ") * 60
freq = {}
for raw in text.split():
    w = raw.strip(".,;").lower()
    if w:
        freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
caps = 0
vowels = 0
for ch in text:
    if ch.isupper():
        caps += 1
    if ch in "aeiou":
        vowels += 1
print(caps, vowels)
parts = []
for i, w in enumerate(text.split()[:500]):
    parts.append(w.upper() if i % 3 == 0 else w.title() if i % 3 == 1 else w[::-1])
joined = "-".join(parts)
print(len(joined), joined[:60], joined.count("-"))
print(text.replace("times", "TIMES").count("TIMES"), text.find("incredulity", 1000), text.rfind("wisdom"))
