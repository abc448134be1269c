# abs, divmod, pow, round, hex, oct, bin, sum.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(abs(-5), abs(5.5), abs(-0.0), abs(True), abs(-(2**70)), abs(3 + 4j))
show(lambda: abs("x"))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, -2), divmod(2**70, 3), divmod(True, 2))
show(lambda: divmod("a", 1))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(3, 4, 5), pow(base=2, exp=5, mod=7), pow(-2, 3, None))
show(lambda: pow("a", 2))
show(lambda: pow(1, 2, "x"))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(5), round(1234.5678, -2), round(True))
show(lambda: round("x"))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2**70), hex(True))
show(lambda: hex(1.5))
show(lambda: bin("1"))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([1, 2.5, 3]), sum([2**62, 2**62, 2**62]), sum([], 5), sum(range(101)))
print(sum([[1], [2]], []), sum([1j, 2]), sum([True, True, 2]), sum((x * 0.5 for x in range(5)), 1), sum([1, 2], start=3))
show(lambda: sum(["a", "b"], ""))
show(lambda: sum([b"a"], b""))
show(lambda: sum(["a", "b"]))
show(lambda: sum(5))
