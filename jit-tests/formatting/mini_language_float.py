# format mini-language for floats
specs = ["", "f", ".0f", ".3f", "10.2f", "<10.2f", "^10.1f", "+.1f", " .1f", "010.3f", "e", ".2e", "E", "g", ".3g", "G",
         "%", ".1%", ",.2f", "_.1f", "#.0f", "#g", ".10g", "n", "=+10.2f", "*^12.4f", "r" if False else "F", ".2F"]
for v in [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1.5e16, 0.1, 123.456e10, 2.675, 0.5]:
    print(repr(v), "|".join(format(v, s) for s in specs))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(repr(v), "|".join(format(v, s) for s in ["", "f", "e", "g", "%", "10", "<6", "+", "010"]))
print(format(1e100, ""), format(1e16, ""), format(1e15, ""), format(1.0, "g"), format(10.0, "g"), format(1e6, "g"), format(123456789.0, "g"))
print(format(0.000012345, ".3"), format(12345.6789, ".3"), format(1.0, ".0"), format(2.5, ".0f"), format(3.5, ".0f"))
print(round(2.5), "{:.0f}".format(0.5), "{:.1f}".format(0.05), "{:.1f}".format(0.15), "{:.1f}".format(0.25))
for bad in ["d", "x", "c", ",_"]:
    try:
        print(format(1.5, bad))
    except ValueError as e:
        print("ValueError:", e)
