# str.format
print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{name} {0}".format(5, name="n"))
print("{0[1]} {0[k]} {1.real} {1.imag}".format({1: "one", "k": "kay"}, 3 + 4j))
print("{!r} {!s} {!a}".format("q", "s", "é"), "{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{{}} {{{}}}".format("in"), "{:*^9}".format("mid"), "{0:{1}}|".format("w", 5), "{:{}{}}".format(3.14159, ".", "2f"))
class O:
    attr = "attribute"
    lst = [10, 20]
print("{0.attr} {0.lst[1]}".format(O()), "{x.attr}".format(x=O()))
print("{:,}".format(1234567), "{:_}".format(1234567), "{:,.2f}".format(1234567.891), "{:_x}".format(0xFFFFFFFF), "{:_b}".format(37))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3), "{:e}".format(0), "{:g}".format(1e-5), "{:n}".format(1234))
for bad in ["{", "}", "{0} {}", "{:d}", "{2}", "{x}", "{0.nope}", "{:=^}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(format(42), format(42, "b"), format(3.5, "08.3f"), format("s", "^5"), format([1], ""), format(None, ""))
try:
    format([1], "d")
except TypeError as e:
    print("TypeError:", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
