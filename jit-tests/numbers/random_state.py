# random: getstate/setstate round trips, more distributions.
import random
random.seed(99)
s = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(s)
b = [random.random() for _ in range(3)]
print(a == b, a, len(s), s[0], len(s[1]), s[1][-1], s[2])
print(random.gauss(0, 1))
s2 = random.getstate()
print(s2[2] is not None, random.gauss(0, 1))
random.setstate(s2)
print(random.gauss(0, 1))
print(random.lognormvariate(0, 1), random.paretovariate(3), random.weibullvariate(1, 2))
r = random.Random(5)
st = r.getstate()
x = r.randint(1, 10**9)
r.setstate(st)
print(x == r.randint(1, 10**9), x)
try:
    random.setstate((2, (), None))
except ValueError as e:
    print(e)
