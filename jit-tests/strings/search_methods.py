# find/index/count/startswith/endswith
s = "the quick brown fox jumps over the lazy dog the end"
print(s.find("the"), s.find("the", 1), s.find("the", 1, 10), s.find("cat"), s.find(""), s.find("", 100))
print(s.rfind("the"), s.rfind("the", 0, 40), s.rfind("zzz"), s.rfind(""))
print(s.index("quick"), s.rindex("o"), s.count("the"), s.count("o"), s.count(""), s.count("o", 20), s.count("e", 5, 30))
print("aaaa".count("aa"), "ababab".count("aba"), "".count(""), "abc".count("", 1))
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.endswith("end"), s.endswith("the", 0, 34))
print(s.endswith(("x", "d")), "".startswith(""), "abc".startswith("abc", 3), "abc".startswith("", 3), "abc".startswith("", 4))
print(s.find("o", -10), s.find("o", -10, -5), s.index("dog", -20))
for meth, arg in [(s.index, "cat"), (s.rindex, "cat")]:
    try:
        meth(arg)
    except ValueError as e:
        print("ValueError:", e)
try:
    s.startswith(["the"])
except TypeError as e:
    print("TypeError:", e)
print("ab" in "cab", "" in "", "ba" not in "abab")
