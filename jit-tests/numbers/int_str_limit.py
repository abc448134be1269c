# int <-> str conversion digit limit (default 4300)
import sys
print(sys.int_info.default_max_str_digits if hasattr(sys.int_info, "default_max_str_digits") else 4300)
big = 10 ** 4299
print(len(str(big)))
huge = 10 ** 5000
try:
    s = str(huge)
except ValueError as e:
    print("ValueError:", e)
print(huge.bit_length(), huge % 1000)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(huge)))
print(int("7" * 4300) % 97)
