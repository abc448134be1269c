# The unicode_escape and raw_unicode_escape codecs: every escape, \N{name} through the
# native unicodedata, error ranges and messages under each builtin handler, partial input,
# the invalid-escape DeprecationWarnings, and the encoders.
import codecs
import warnings
warnings.simplefilter("always")
def show(w):
    for x in w:
        print("warning:", x.category.__name__, x.message)
tests = [b'\\', b'abc\\', b'\\x4', b'\\x4g', b'\\u12', b'\\U0011ffff', b'\\N', b'\\N{', b'\\N{}', b'\\N{x}', b'\\N{LATIN SMALL LETTER A', b'\\N{latin small letter a}', b'\\N{BENGALI LETTER KHINYA}', b'\\z', b'\\777\\1\\12x\\0', b'\xe9\\n\\\n', b'\\\\u0041', b'\\u0041\\U0001F600']
for t in tests:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        for fn in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode):
            with warnings.catch_warnings(record=True) as w:
                try: print(t, errors, fn.__name__, ascii(fn(t, errors)))
                except Exception as e: print(t, errors, fn.__name__, type(e).__name__, e)
            show(w)
    for fn in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode):
        with warnings.catch_warnings(record=True) as w:
            try: print(t, 'partial', fn.__name__, ascii(fn(t, 'strict', False)))
            except Exception as e: print(t, 'partial', fn.__name__, type(e).__name__, e)
        show(w)
for s in ['a\\b\t\n\r\x00\x7f\xe9\u0100\U0001F600"\'']:
    print(codecs.unicode_escape_encode(s), codecs.raw_unicode_escape_encode(s))
print(codecs.unicode_escape_decode('\\u00e9é'), codecs.raw_unicode_escape_decode('\\u00e9é'))
try: codecs.unicode_escape_decode(1)
except TypeError as e: print(e)
try: codecs.unicode_escape_encode(b'x')
except TypeError as e: print(e)
print('x\\ty'.encode().decode('unicode_escape'), 'é'.encode('unicode_escape'), 'é\U0001F600'.encode('raw_unicode_escape'))
e = None
try: b'ab\\x1'.decode('unicode_escape')
except UnicodeDecodeError as x: e = x
print(e.encoding, e.object, e.start, e.end, e.reason)
print(ascii(b'\\N{EM DASH}\\N{LATIN CAPITAL LETTER GHA}\\N{NULL}'.decode('unicode_escape')))
print(ascii('caf\xe9 \u2014 \U0001f600'.encode('unicode_escape').decode('unicode_escape')))
print(repr('\x00\t\\'.encode('raw_unicode_escape').decode('raw_unicode_escape')))
for t in [b'\\', b'\\\\', b'\\\\\\', b'a\\\\\\', b'\\\\\\u0041']:
    print(t, codecs.raw_unicode_escape_decode(t, 'strict', False), codecs.raw_unicode_escape_decode(t, 'strict', True))
