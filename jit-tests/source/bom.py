# A UTF-8 BOM is skipped.
print("bom ok", "é")
import sys
print(open(__file__, "rb").read(3))
