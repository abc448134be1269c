# f-string = specifier and conversions with format specs
import math
vals = [0, 1, -1, 1.5, -2.25, 1e10, 1e-10, math.pi, 123456789, True, None, "s", [1, 'a'], (1,), {"k": 1}]
for v in vals:
    print(f"{v=}", f"{v!r:>20}|", f"{v!s:<12}|")
x = 10
print(f"{x + 1=}", f"{x*2=:>6}", f"{x = :#x}", f"{x=!s}", f"{(x, x)=}")
s = "text"
print(f"{s=}", f"{s=:>10}", f"{s=!s:*^12}", f"{s.upper()=}")
