# coding: utf-8
# An explicit utf-8 declaration checks tokens, not comments: é here is fine.
print("never runs")
x = 1 é
