# Arithmetic fuzz: seeded random operands (ints, big ints, floats, specials, bools, complex) through every operator.
import random
random.seed(1234)
def rv():
    k = random.randrange(8)
    if k == 0: return random.randint(-10, 10)
    if k == 1: return random.randint(-2**70, 2**70)
    if k == 2: return random.getrandbits(random.randrange(1, 300)) * random.choice([1, -1])
    if k == 3: return random.uniform(-1e6, 1e6)
    if k == 4: return random.choice([0.0, -0.0, 0.5, 1e308, 5e-324, float("inf"), float("-inf"), 2.0**53, 1e16])
    if k == 5: return random.random() * 10 ** random.randint(-20, 20)
    if k == 6: return random.choice([True, False])
    return complex(random.uniform(-5, 5), random.uniform(-5, 5))
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b, lambda a, b: a // b, lambda a, b: a % b,
       lambda a, b: divmod(a, b), lambda a, b: a ** b if abs(b) < 50 else None, lambda a, b: a < b, lambda a, b: a == b, lambda a, b: a >= b,
       lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b, lambda a, b: a << (b % 100) if isinstance(b, int) else None,
       lambda a, b: a >> b, lambda a, b: round(a, b % 20 - 10) if isinstance(b, int) else round(a),
       lambda a, b: hash(a) if a == a else None, lambda a, b: pow(a, b, 97) if b >= 0 else pow(a, b, 101)]
for i in range(1500):
    a, b = rv(), rv()
    op = random.choice(ops)
    try:
        r = op(a, b)
        s = repr(r)
    except Exception as e:
        s = type(e).__name__ + ": " + str(e)
    print(i, repr(a)[:40], repr(b)[:40], s[:120])
