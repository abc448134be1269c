#!/usr/bin/env python3
# vim: set fileencoding=cp1252 :
# The declaration may be on line 2 after a comment line.
print("€ “quoted”", [hex(ord(c)) for c in "€“”"])
