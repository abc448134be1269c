# format mini-language for strings and alignment
for s in ["", "s", "10", "<10", ">10", "^10", "*^11", ".3", "^7.2", "-<6", "0>5", "=>5" if False else ">5"]:
    print(repr(s), repr(format("hello", s)))
print(repr(format("", "*^4")), repr(format("x", "\u00b7^5")), repr(format("wide", "^3")))
for bad in ["d", "+", "=10", ",", "#"]:
    try:
        format("s", bad)
    except ValueError as e:
        print("ValueError:", e)
print("{:>{w}}".format("r", w=4), "{:{fill}{align}{width}}".format("m", fill="~", align="^", width=7))
print("%-10s|%10s|" % ("left", "right"), "left".ljust(10) + "|", "right".rjust(10) + "|")
table = [("name", "qty"), ("apples", 3), ("kiwis", 12)]
for a, b in table:
    print("{:<8}{:>5}".format(a, b))
