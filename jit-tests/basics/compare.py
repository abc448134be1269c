# Comparisons, chained comparisons, identity, membership
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0, 1 == 1 < 2)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9))
print([1, [2, 3]] == [1, [2, 3]], {1: 2} == {1: 2}, {1, 2} == {2, 1})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 3} > {1})
print(1 == 1.0, 0.1 + 0.2 == 0.3)
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, None == None, None != 0)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "ac" in "abc")
print(2 in {1: 'a', 2: 'b'}, 'a' in {1: 'a'}, 1 in range(5), 5 in range(5))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan])
print(True == 1, False == 0, True is True, 2 > True)
x = 5
print(0 < x < 10 and x != 7, not 0 < x < 3)
print(1 < 2 == 2 < 3 != 4)
print(max([3, 1, 2]) == 3 > 2)
