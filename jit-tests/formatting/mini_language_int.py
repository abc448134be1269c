# format mini-language for ints
specs = ["", "d", "5d", "<5d", ">5", "^5", "05", "+d", "-d", " d", "=+6d", "*>7", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
         "c", ",", "_", "_x", "#_b", ",d", "010,", "e", "E", ".2f", "F", "g", "%", "n", "#010x", "+08_d", "x<8", "0=8"]
for v in [0, 7, -42, 255, 1234567]:
    out = []
    for s in specs:
        if s == "c" and not 32 <= v < 0x110000:
            out.append("n/a")
            continue
        out.append(format(v, s))
    print(v, "|".join(out))
print(format(2 ** 70, ","), format(-(2 ** 64), "_x"), format(True, "d"), format(True, ""), format(97, "c"))
for bad in [(5, ".2d"), (5, ",c"), (-1, "c"), (5, "s"), (5, "z"), (5, ",_")]:
    try:
        print(format(*bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
