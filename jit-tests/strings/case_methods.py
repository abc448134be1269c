# str case methods
words = ["hello world", "HELLO", "hello", "Hello World", "hELLO wORLD", "ß straße", "ǅemal", "123abc", "", "they're bill's"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase(), w.casefold())
for w in words + ["Title Case", "Not title", "ABC", "abc1", "1", "A1B"]:
    print(repr(w), w.isupper(), w.islower(), w.istitle())
print("İ".lower(), len("İ".lower()), "ﬁ".upper(), "ΣΑΣ".lower())
