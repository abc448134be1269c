# -*- coding: latin-1 -*-
# A latin-1 file: each é is one byte on disk, one character in the str.
s = "café über ©"
print(s, len(s), s.encode("utf-8"))
