# str is* predicates
samples = ["abc", "ABC123", "123", "١٢٣", "½", "²", "  ", "\t\n", "", "a b", "héllo", "_id", "2x", "x2",
           "class", "\x07", "tab\there", "Ⅻ", "ab!", "ÀÉ", "\u00a0"]
for s in samples:
    print(repr(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(),
          s.isnumeric(), s.isidentifier(), s.isprintable(), s.isspace())
