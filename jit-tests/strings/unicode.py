# unicode handling
s = "naïve café 中文 😀 Ωμέγα"
print(s, len(s), s.upper(), s.lower())
print([len(w) for w in s.split()], [w.encode("utf-8") for w in s.split()][:3])
print(len(s.encode("utf-8")), len(s.encode("utf-16")), s.encode("utf-8").decode("utf-8") == s)
print(s[::-1])
print(sorted("éaèbz"), "é" > "z", ord("😀"), hex(ord("中")))
print("\N{GREEK SMALL LETTER ALPHA}\N{GREEK CAPITAL LETTER OMEGA}", "\u03b1".upper())
print("ǈ".istitle(), "Ⅷ".isnumeric(), "٣".isdigit(), int("٣"), "a\u0308".isalpha())
print(repr("\x85"), repr("\u2028"), repr("\ud800") if False else "", repr("\U0010ffff"))
print("straße".upper(), "STRASSE".lower(), "ß".casefold() == "ss")
print("x".join("αβγ"), "αβγ".index("γ"), "αβγ".center(7, "·"))
