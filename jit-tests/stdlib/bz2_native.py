# The native _bz2 (pure-Rust libbzip2 port): BZ2Compressor/BZ2Decompressor bytes equal to
# CPython's at every level, streaming with max_length/needs_input/eof/unused_data, errors,
# and bz2.py's compress/decompress/BZ2File writing over them.
import _bz2, bz2, io, os
print(sorted(n for n in dir(_bz2) if not n.startswith("__")))
for a in [(0,), (10,), ('x',), (1, 2)]:
    try: _bz2.BZ2Compressor(*a)
    except Exception as e: print(type(e).__name__, e)
try: _bz2.BZ2Compressor(compresslevel=3)
except Exception as e: print(type(e).__name__, e)
c = _bz2.BZ2Compressor(); c.flush()
for f in [lambda: c.compress(b'x'), lambda: c.flush(), lambda: _bz2.BZ2Decompressor().decompress(b'garbage'), lambda: _bz2.BZ2Decompressor().decompress('x'), lambda: _bz2.BZ2Decompressor(1), lambda: _bz2.BZ2Compressor().compress(), lambda: _bz2.BZ2Decompressor().decompress()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
data = b"".join(b"line %d of some text\n" % i for i in range(20000))
for level in (1, 5, 9):
    z = bz2.compress(data, level)
    print(level, len(z), z[:12].hex(), __import__('hashlib').md5(z).hexdigest(), bz2.decompress(z) == data)
print(bz2.compress(b'').hex(), bz2.compress(b'abc').hex(), bz2.decompress(b''), bz2.decompress(bz2.compress(b'a') + bz2.compress(b'b')))
c = _bz2.BZ2Compressor(3)
parts = [c.compress(data[i:i + 7000]) for i in range(0, len(data), 7000)] + [c.flush()]
print([len(p) for p in parts][:5], bz2.decompress(b"".join(parts)) == data)
z = bz2.compress(data) + b"tail"
d = _bz2.BZ2Decompressor()
out = []
print(d.needs_input, d.eof, d.unused_data)
out.append(d.decompress(z[:100], 10)); print(len(out[-1]), d.needs_input, d.eof)
out.append(d.decompress(b'', 5000)); print(len(out[-1]), d.needs_input, d.eof)
out.append(d.decompress(z[100:2000])); print(len(out[-1]), d.needs_input, d.eof)
out.append(d.decompress(z[2000:], 100000)); print(len(out[-1]), d.needs_input, d.eof, d.unused_data)
while not d.eof:
    out.append(d.decompress(b'', 100000)); print(len(out[-1]), d.needs_input, d.eof, d.unused_data)
print(b"".join(out) == data)
try: d.decompress(b'x')
except EOFError as e: print(e)
d = _bz2.BZ2Decompressor(); print(d.decompress(z[:-30]) == data[:len(d.decompress(b''))] if False else len(d.decompress(z[:50])), d.needs_input)
try: bz2.decompress(bz2.compress(b'abc')[:-3])
except Exception as e: print(type(e).__name__, e)
try: bz2.decompress(bz2.compress(b'abc') + b'junk')
except Exception as e: print(type(e).__name__, e)
buf = io.BytesIO()
with bz2.BZ2File(buf, 'wb') as f: f.write(data)
print(bz2.decompress(buf.getvalue()) == data)
import pickle
try: pickle.dumps(_bz2.BZ2Compressor())
except TypeError as e: print(e)
# Streaming with max_length over CPython's output-block boundaries: the same calls,
# lengths and flags as _bz2module.c.
sdata = bytes(range(256)) * 600 + b"".join(b"%d," % i for i in range(20000))
sz = bz2.compress(sdata, 9) + b"extra"
for ml in (0, 7, 4096, 32768, 65536, 100000, -1):
    for chunk in (300, 5000, len(sz)):
        d = _bz2.BZ2Decompressor()
        out, trace, pos, guard = [], [], 0, 0
        while not d.eof and guard < 3000:
            guard += 1
            if d.needs_input:
                piece = sz[pos:pos + chunk]; pos += chunk
                if not piece: break
            else:
                piece = b""
            r = d.decompress(piece, ml)
            out.append(r); trace.append((len(r), d.needs_input, d.eof))
        print(ml, chunk, b"".join(out) == sdata, len(trace), trace[-3:], d.unused_data)
