# The native _json: json.dumps/loads through make_encoder/make_scanner/scanstring, every
# decode error's message and position, hooks, parse_* callables, separators, sort_keys,
# skipkeys, cycles, subclasses, recursion limits and the module's argument errors.
import json, json.decoder, json.scanner, json.encoder
print(json.scanner.make_scanner, json.decoder.scanstring, json.encoder.c_make_encoder)
print(json.dumps({"a": [1, 2.5, None, True, False, "x\u00e9\n", {"b": -1e300}], "c": 10**30}))
print(json.dumps({"a": 1, "b": "é"}, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
print(json.loads('{"a": [1, 2.5, null, true, false, "x\\u00e9\\n\\ud83d\\ude00", {"b": -1e300}], "c": 1000000000000000000000000000000}'))
for bad in ['', '[', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', '"a\\x"', '"\\u12"', '{1: 2}', '[1,]', 'nul', '1 2', '\n\n  [1, \n "a\x01"]', '-', '-a', '01', '{"a":1', '"\\ud800\\u12xx"']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, e.lineno, e.colno, e.pos)
print(json.loads('[NaN, Infinity, -Infinity, 1E5, 1e-5, -0, 0.5e+2]'))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads('{"b":2,"a": 1}', object_pairs_hook=list))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
try: json.dumps(float('nan'), allow_nan=False)
except ValueError as e: print(e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
try: json.dumps({(1,2): 3})
except TypeError as e: print(e)
print(json.dumps({(1,2): 3, "a": 1}, skipkeys=True))
try: json.dumps(object())
except TypeError as e: print(e)
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, float('inf'): 1}))
try: json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e: print(e)
class D(dict): pass
print(json.dumps(D(x=1)), json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps("\x7f\x00\u2028"))
import enum
class E(enum.IntEnum):
    A = 1
print(json.dumps([E.A]), json.dumps(E.A))
print(json.decoder.scanstring('"abc\\n" x', 1), json.encoder.encode_basestring_ascii('a"\U0001f600'))
print(json.dumps({"a": [1, {"b": 2}]}, indent=2))
print(json.dumps([1, 2], default=str), json.dumps(set([1]), default=sorted))
from json import decoder, scanner, encoder
for bad in ['{"é": 1, "ü" 2}', '["ü", "\t"]', '  \n é', '[1, 2, 3', '{"a": [}', '"\\u00"', '"\\', '"\\u', '"\\u0041', '[-Infinity, -Inf]', '[Infinit]', '[1.e5]', '[1.5e]', '[1e+]', '[.5]', '[- 1]', '[1,\n\n 2,, 3]', '{"a"', '{"a":', '{', '{ ', '[', '["a"', '"\x00"', '[tru]', '[nulL]', '[fals]', '{"a": 1 "b": 2}']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, e.lineno, e.colno, e.pos, e.msg)
print(json.loads('["a\x01b"]', strict=False))
print(json.loads('[1.0000000000000002, 1e400, -1e400, 123456789012345678901234567890, -0.0]'))
class S(str): pass
class I(int): pass
class F(float): pass
print(json.dumps([S("x"), I(5), F(1.5), {S("k"): I(2)}]))
print(json.dumps({"a": 1, "b": 2}, separators=(";", "=")))
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] xyz'), d.raw_decode('  [1]', 2) if False else d.scan_once('xx[1]', 2))
try: d.scan_once('[1]', -1)
except ValueError as e: print(e)
try: d.scan_once('[1]', 5)
except StopIteration as e: print('stop', e.value)
try: d.scan_once(b'[1]', 0)
except TypeError as e: print(e)
try: decoder.scanstring('"abc', 10)
except ValueError as e: print(e)
print(decoder.scanstring('"abc"', 1, False), decoder.scanstring('x"\\u00e9"', 2))
try: encoder.encode_basestring(1)
except TypeError as e: print(e)
print(encoder.encode_basestring('a\x00\x1f"\\\u2028é'), encoder.encode_basestring_ascii('a\x00\x1f"\\\u2028é\x7f'))
try: json.loads('[' * 100000)
except RecursionError as e: print('RecursionError', e)
deep = []
for _ in range(100000): deep = [deep]
try: json.dumps(deep)
except RecursionError as e: print('RecursionError', e)
class CE(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(CE().encode({"s": {3, 1, 2}}), json.dumps({"s": {1}}, cls=CE))
try: CE().encode({"s": object()})
except TypeError as e: print(e)
def bad_default(o): return o
try: json.dumps(object(), default=bad_default)
except ValueError as e: print(e)
print(json.dumps([1], check_circular=False), json.dumps({'a': float('-inf')}))
from collections import OrderedDict
print(json.loads('{"b": 1, "a": 2, "b": 3}'), json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=OrderedDict))
k = json.loads('[{"key": 1}, {"key": 2}]')
print(list(k[0])[0] is list(k[1])[0])
print(json.dumps("\ud83d") if False else json.dumps(["\U0001F600"]), json.dumps(["\U0001F600"], ensure_ascii=False))
m = scanner.make_scanner(d)
print(m.strict, m.parse_float, m.object_hook, type(m).__name__, type(m).__module__)
print(m('{"a": 1}', 0), m(string='[2]', idx=0))
e = encoder.c_make_encoder(None, str, encoder.encode_basestring, None, ':', ',', True, False, True)
print(e({"b": [1, 2], "a": None}, 0))
try: encoder.c_make_encoder([], str, str, None, ':', ',', True, False, True)
except TypeError as e: print(e)
try: encoder.c_make_encoder(None, str, str, None, 1, ',', True, False, True)
except TypeError as e: print(e)
e2 = encoder.c_make_encoder(None, str, lambda s: 5, None, ':', ',', True, False, True)
try: e2(["a"], 0)
except TypeError as e: print(e)
