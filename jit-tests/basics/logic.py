# Boolean operators, truthiness and short-circuit
print(True and False, True or False, not True, not 0, not "")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or "x")
print([] or {} or (), "" and 1/0, 0 or "default")
def t(name, val):
    print("eval", name)
    return val
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 1) or t("b", 2))
print(t("a", 0) or t("b", 0) or t("c", 3))
for v in [0, 0.0, -0.0, 0j, "", " ", [], [0], (), {}, set(), None, 1, -1, range(0), range(1)]:
    print(repr(v), bool(v))
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
print(not not x, (not x) == False)
y = None
print(y is None and "none", y is not None or "fallback")
print(all([]), any([]), all([1, 2]), any([0, 0, 1]))
