# All assignment forms
a = 1
print(a)
a = b = c = [1, 2]
print(a, b, c, a is b, b is c)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
*everything, = (7, 8, 9)
print(everything)
a, (b, *c), d = 1, (2, 3, 4, 5), 6
print(a, b, c, d)
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 1; print(n)
n |= 3; print(n)
n &= 0b1110; print(n)
n ^= 0xFF; print(n)
f = 7.0
f /= 2; print(f)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
tup = (1, 2)
talias = tup
tup += (3,)
print(tup, talias, tup is talias)
s = "ab"
s *= 3
print(s)
d = {}
d["k"] = d["j"] = 0
d["k"] += 1
print(d)
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [9, 9, 9, 9]
print(lst)
lst[-1] = "end"
print(lst)
class Obj: pass
o = Obj()
o.attr = o.other = 5
o.attr += 1
print(o.attr, o.other)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
m = [[0] * 3 for _ in range(2)]
m[1][2] = 7
print(m)
x: int = 42
y: list
print(x, 'y' in dir())
print(__annotations__)
