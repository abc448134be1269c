for f, a in [('%5%', ()), ('%-5d|', (3,)), ('%(x)s %%', {'x': 1}), ('%s', ()), ('%.0s|', ('abc',)), ('%x', (3.0,)), ('%d', ('3',)), ('%o', (-8,)), ('%#o', (0,)), ('%#x', (0,)), ('%e', (10**400,)), ('%.2f', (10**20,)), ('%s %s', [1, 2]), ('%r', b'x'), ('%*.*f', (8, 3, 3.14159))]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
print("they're bill's".title(), "hello_world-foo".title(), "ǆx".capitalize(), "ß".upper(), "İ".lower(), len("İ".lower()), "ﬁ".upper())
print("a\x1cb\x1dc\x1ed\x85e\u2028f".splitlines(), "a\r\nb\rc\n".splitlines(True))
print(str.maketrans({'a': 'b', 98: None}), 'abc'.translate(str.maketrans({'a': 'XY', 'c': None})))
try:
    print('%5%' % (1,))
except ValueError as e:
    print(e)
