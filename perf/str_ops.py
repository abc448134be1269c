"""String work: building, splitting, joining, formatting, searching."""
import sys

def build(n):
    parts = []
    for i in range(n):
        parts.append("item%d:%s" % (i, "abcdefghij"[i % 10] * (i % 5 + 1)))
    return ",".join(parts)

def main(n):
    total = 0
    checks = 0
    for rnd in range(4):
        s = build(n)
        fields = s.split(",")
        for f in fields:
            name, _, val = f.partition(":")
            total += len(val) + int(name[4:]) % 7
            if val.startswith("c") or val.endswith("jj"):
                checks += 1
        upper = s.upper()
        total += upper.count("ITEM1") + s.find("item%d:" % (n // 2))
        line = " | ".join("{:>6}|{:<4}".format(f[:6], len(f)) for f in fields[:2000])
        total += len(line.replace(" ", ""))
    print(total, checks)
    words = ("the quick brown fox jumps over the lazy dog " * (n // 100)).split()
    text = " ".join(w.capitalize() if i % 3 == 0 else w[::-1] for i, w in enumerate(words))
    print(len(text), text[:40])

main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
