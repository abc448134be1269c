# Allocations whose size the program controls: MemoryError (or OverflowError where
# CPython gives it), never an abort. Every case fails before allocating anything.
import array
import sys

cases = [
    "bytearray(2**40)",
    "bytearray(2**62)",
    "bytes(2**40)",
    "bytes(sys.maxsize)",
    "b'x' * 2**40",
    "b'x' * sys.maxsize",
    "bytes(range(256)) * 2**60",
    "'x' * 2**40",
    "' ' * sys.maxsize",
    "'x' * (sys.maxsize // 2)",
    "[None] * 2**40",
    "[0] * sys.maxsize",
    "[None] * (sys.maxsize // 8)",
    "(0,) * 2**40",
    "array.array('d', [0]) * 2**40",
    "array.array('b', bytes(10)) * 2**40",
    "'a'.ljust(2**40)",
    "'a'.rjust(2**40)",
    "'a'.center(2**40)",
    "'a'.zfill(2**40)",
    "b'x'.ljust(2**40)",
    "'%*d' % (2**40, 1)",
    "'%2000000000000d' % 1",
    "'%.*f' % (2**40, 1.0)",
    "'{:2000000000000}'.format(1)",
    "format(1, '2000000000000')",
    "f'{1.0:.{2**40}f}'",
    "'%*d' % (2**70, 1)",
    "'%.*d' % (2**40, 1)",
    "'%.2147483648d' % 1",
    "'%.2147483648f' % 1.0",
    "'{:.2147483648}'.format(1j)",
    "'{:.2147483648}'.format('a')",
    "'{:.2147483648}'.format(1)",
    "'ab' * 2**62",
    "b'ab' * 2**62",
    "(1).to_bytes(2**40, 'big')",
    "list(range(2**62))",
    "list(range(10**12))",
    "tuple(range(10**12))",
    "[*range(10**12)]",
    "sorted(range(10**12))",
    "[].extend(range(10**12))",
]
for c in cases:
    try:
        eval(c)
        print(c, "ok")
    except (MemoryError, OverflowError, ValueError) as e:
        print(c, "->", type(e).__name__, e)

x = [0]
try:
    x *= 2**40
except MemoryError:
    print("list *= -> MemoryError", x)
s = "ab"
try:
    s *= 2**40
except MemoryError:
    print("str *= -> MemoryError", s)
