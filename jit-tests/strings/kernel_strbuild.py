# Compute kernel: string building, splitting, joining
def caesar(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)

text = "The Quick Brown Fox Jumps Over The Lazy Dog. " * 40
enc = caesar(text, 13)
print(enc[:46])
print(caesar(enc, 13) == text)
counts = {}
for w in text.lower().replace(".", "").split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
lines = []
for i in range(500):
    lines.append("row %d: %s" % (i, "x" * (i % 7)))
blob = "\n".join(lines)
print(len(blob), blob.count("x"), blob.splitlines()[123])
total = 0
for line in blob.splitlines():
    head, _, tail = line.partition(": ")
    total += int(head.split()[1]) * len(tail)
print(total)
s = ""
for i in range(1000):
    s += chr(97 + i % 26)
print(s[:30], s.count("abc"), s.find("zab"), s.upper()[-5:])
pal = 0
for i in range(10000):
    t = str(i)
    if t == t[::-1]:
        pal += 1
print(pal)
