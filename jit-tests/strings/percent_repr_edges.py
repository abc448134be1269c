vals = [0.0, -0.0, 1.0, 0.1, 123.456, 1e-7, 1e16, 1.5e300, 2.5, 0.000123456, 99999.5, 1e100, -1234.5678, 5e-324]
for v in vals:
    print("%e|%.3e|%f|%.1f|%g|%.10g|%#g|%G|%10.3g|%-12e|%+.2f|% g" % (v, v, v, v, v, v, v, v, v, v, v, v))
for n in [0, 1, -1, 255, -255, 2**70, -2**64]:
    print("%d|%5d|%-6d|%06d|%x|%#X|%o|%#o|%+d|% d|%.5d|%08.3d" % (n, n, n, n, n, n, n, n, n, n, n, n))
print(b"%s|%5s|%-4b|%r|%a|%c%c|%d|%x|%%" % (b'ab', b'cd', b'e', b'x', 'é', 65, b'B', 7, 255))
print("%s" % None, "%r" % (None,), "%(x)s %(x)r" % {'x': 'q'}, "%(a)d%%" % {'a': 5}, "%c" % 0x1F600, "%.3s|%5.1s|" % ('abcdef', 'xyz'))
for fmt in ['{:<10.3f}|', '{:>+10.2e}|', '{:^10}|', '{:=+8d}|', '{:x<6}|', '{:,.2f}', '{:08.2f}', '{:.0%}', '{:g}', '{:.3}', '{:n}']:
    try:
        print(fmt.format(1234.5678), end=' ')
    except Exception as e:
        print(type(e).__name__, e, end=' ')
print()
print(repr('\x1b[0m'), repr('tab\there'), repr("\\"), repr('\r\n'), repr('\x7f'), repr('\xa0'), repr('\xad'), repr('\u0300'), repr('\ufeff'), repr('\U0001f600'), repr('\U000e0001'), repr('\u3000'), repr('\ud7ff'), repr('\ue000'))
print(ascii('abc'), ascii('\n'), ascii([1, 'é']), ascii('\U0001f600'))
print('%-5s|%5s|' % ('é', '中'), '{:>4}|{:<4}|'.format('é', '中'), 'é'.center(5, '*'), len('中文'), '中文'[::-1], '😀'.encode('utf-8'), '😀'.encode('utf-16'))
s = 'aé中😀' * 50
print(''.join(s[i] for i in range(len(s))) == s, s[37], s[-1], s[16:40], s[::7], s.find('😀', 30), s.rfind('中'), s.index('é', 100), s.count('中', 10, 100))
