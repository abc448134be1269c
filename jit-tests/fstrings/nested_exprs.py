# expressions inside f-strings
data = {"name": "Ann", "scores": [90, 85, 77]}
print(f"{data['name']} has {len(data['scores'])} scores, best {max(data['scores'])}, avg {sum(data['scores']) / len(data['scores']):.1f}")
rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
print(f"{'item':<12}{'price':>8}{'qty':>5}{'total':>9}")
for name, price, qty in rows:
    print(f"{name:<12}{price:>8.2f}{qty:>5d}{price * qty:>9.2f}")
print(f"{'TOTAL':<12}{'':>8}{sum(q for _, _, q in rows):>5d}{sum(p * q for _, p, q in rows):>9.2f}")
w = 7
for i in range(1, 4):
    print(f"{i:>{w}}|{i * i:<{w}}|{i ** 3:^{w}}|")
print(f"{'-' * 20}")
print(f"{[f'{i:02d}' for i in range(3)]}", f"{ {x: x ** 2 for x in range(3)} }")
print(f"{'yes' if all(s > 70 for s in data['scores']) else 'no'}")
def fmt(v, spec):
    return f"{v:{spec}}"
print([fmt(3.14159, s) for s in [".1f", "10.3e", "<8", "+.2%", "08.2f"]])
