# The format mini-language for ints, floats, complex numbers and strings.
def show(v, spec):
    try:
        print(repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__ + ":", e)

for spec in ["", "d", "5", "<5", "^7", "*>8", "+", " ", "-", "x", "#x", "X", "#X", "o", "#o", "b", "#b", ",", "_", "_x", "#_b",
             "010", "010,", "+010_", "#012x", "=+8", "e", ".2f", "%", "g", "n", "c", ".2d", "z", "s", ",x", ",,", ",_", "5.5.5"]:
    show(1234, spec)
    show(-255, spec)
for spec in ["", "e", "E", ".2f", ",.2f", "g", "G", ".3", "#g", "#.0f", "%", ".1%", "z.1f", "+010.3f", "^12", "*<12e", ".0", ".10g",
             "_", "015,", "n", "#", "012", " g", "-^15.4e", ".17g", ".0f", "F", "d", "x", "=10", ".", "10.2s"]:
    for v in [1234.5, -0.0, 1e16, 0.0001, float("inf"), float("nan"), 2.675, -1e-7]:
        show(v, spec)
for spec in ["", ".2", "e", "^20.3f", "+", "10", ".3g", "z.1f", "=10", "010", "%", "<15"]:
    show(1 + 2j, spec)
    show(-0.0 - 1.5j, spec)
for spec in ["", "10", "<10", ">10", "^9", "*^9", ".2", "05", "x>8.3", "=5", "+", "#", "d", "z"]:
    show("abcd", spec)
show(True, "")
show(True, "d")
show(True, ">5")
show(65, "c")
show(0x110000, "c")
show(10**400, "e")
print(f"{3.14159:.2f} {42:>6} {255:#06x} {1e6:,.0f} {-5:+d} {0.5:.0%} {12345.678:_.1f}")
