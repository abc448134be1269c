# generator expressions and their scoping
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), sorted(c for c in "zyx"))
print(list((i, j) for i in range(3) for j in range(i)))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []), "".join(str(d) for d in range(5)))
x = "outer"
g = (x for _ in range(2))
print(list(g))
def lazy_eval():
    data = [1, 2, 3]
    g = (v * 10 for v in data)
    data.append(4)
    return list(g)
print(lazy_eval())
def first_iter_eager():
    data = [1, 2, 3]
    g = (v for v in data)
    data = [9, 9]
    return list(g)
print(first_iter_eager())
try:
    g = (1 / v for v in [1, 0])
    print("created ok")
    list(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError on consume:", e)
try:
    (v for v in 5)
except TypeError as e:
    print("TypeError eager:", e)
class C:
    vals = [1, 2, 3]
    k = 10
    sums = list(v + 1 for v in vals)
    try:
        bad = list(v + k for v in vals)
    except NameError as e:
        print("NameError in class scope:", e)
print(C.sums)
nested = (list(y * 2 for y in range(x)) for x in range(4))
print(list(nested))
print(dict((k, k * k) for k in range(4)), set(x % 2 for x in range(5)), tuple(c.upper() for c in "ab"))
print(list(zip((a for a in "xyz"), (b for b in range(10)))))
