x = (1 +
# coding: latin-1
     2)
print("never runs", "é")
