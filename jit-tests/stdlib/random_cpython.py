# CPython's own random.py over the native _random.Random: seeded streams, the
# distributions random.py builds on random()/getrandbits(), state round trips,
# subclassing the way random.py does, SystemRandom and secrets.
import _random
import random
import secrets

print(random.__name__, random.Random.__mro__[1] is _random.Random, _random.Random.__module__)
for s in [0, 1, 42, -7, 2**100 + 12345, "hello", b"bytes", bytearray(b"ba"), 1.5, True]:
    random.seed(s)
    print(repr(s)[:12], random.random(), random.getrandbits(7), random.getrandbits(70))
random.seed(2024)
print([random.randrange(1000) for _ in range(5)], random.randrange(-50, 50, 7), random.randint(1, 6))
L = list(range(15))
random.shuffle(L)
print(L, random.choice("xyzw"), random.sample(range(1000), 6), random.sample(["a", "b", "c"], 2, counts=[2, 1, 3]))
print(random.choices(range(5), [1, 2, 3, 4, 5], k=6), random.uniform(2, 3))
print(random.gauss(), random.gauss(10, 2), random.normalvariate(1, 3), random.lognormvariate(0, 1))
print(random.expovariate(3), random.vonmisesvariate(1, 2), random.gammavariate(2.5, 1), random.betavariate(2, 3))
print(random.paretovariate(2), random.weibullvariate(1, 2), random.triangular(0, 10, 3), random.randbytes(6))
print(random.binomialvariate(10, 0.3) if hasattr(random, "binomialvariate") else "-")

# getstate/setstate round trips, including gauss_next.
random.seed(99)
random.gauss()
st = random.getstate()
a = [random.random(), random.gauss(), random.getrandbits(40)]
random.setstate(st)
print(a == [random.random(), random.gauss(), random.getrandbits(40)], st[0], len(st[1]), st[2] is not None)

r1, r2 = random.Random(7), random.Random()
r2.seed(7)
print(r1.random() == r2.random(), r1.getstate() == r2.getstate())
core = _random.Random(7)
print(core.random(), core.getrandbits(33), len(core.getstate()), core.getstate()[-1])
core.setstate(core.getstate())


class Mine(random.Random):
    def __init__(self, x, extra):
        self.extra = extra
        super().__init__(x)

    def random(self):
        return super().random() / 2


m = Mine(5, "tag")
print(m.extra, m.random(), m.randrange(100), isinstance(m, _random.Random))
import copy
c = copy.deepcopy(random.Random(11))
print(c.random() == random.Random(11).random(), type(c).__name__)

sr = random.SystemRandom()
print(0 <= sr.random() < 1, sr.randint(4, 4), len(sr.sample(range(10), 3)), sr.getrandbits(1) in (0, 1))
for f in [sr.getstate, lambda: sr.setstate(None)]:
    try:
        f()
    except NotImplementedError as e:
        print("NotImplementedError", e)
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), secrets.randbelow(1), secrets.choice("q"))
print(secrets.compare_digest(b"ab", b"ab"), len(secrets.token_urlsafe(9)))

for f in [
    lambda: core.getrandbits(-1),
    lambda: core.getrandbits(2**40),
    lambda: core.getrandbits(1.5),
    lambda: _random.Random(1, 2),
    lambda: _random.Random(x=1),
    lambda: core.setstate([1]),
    lambda: core.setstate((1,) * 625),
    lambda: core.setstate((1,) * 624 + (625,)),
    lambda: core.setstate((-1,) * 625),
    lambda: core.setstate((1.5,) * 625),
    lambda: core.seed([]),
    lambda: core.seed(1, 2),
    lambda: core.getstate(1),
    lambda: setattr(core, "x", 1),
    lambda: _random.Random.random(3),
    lambda: random.seed([1]),
    lambda: random.randrange(0),
    lambda: random.choice([]),
    lambda: random.sample([1, 2], 3),
    lambda: random.setstate((9, (), None)),
]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
