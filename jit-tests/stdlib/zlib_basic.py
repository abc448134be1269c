# zlib: one-shot and streaming compression (bytes identical to CPython's libz), the
# wbits formats (zlib, raw, gzip, auto), dictionaries, max_length/unconsumed_tail,
# checksums, gzip and zipfile over it, and zlib.error messages.
import gzip
import io
import zipfile
import zlib

data = b''.join(b'line %d of some repetitive text\n' % (i % 37) for i in range(2000))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:8], zlib.crc32(c), zlib.decompress(c) == data)
print(zlib.compress(b'hello'), zlib.compress(b''))
for wbits in (9, 15, -15, -9, 31, 25):
    c = zlib.compress(data, 6, wbits)
    back = zlib.decompress(c, wbits)
    auto = zlib.decompress(c, 47) if wbits > 0 else None
    print(wbits, len(c), c[:4], zlib.crc32(c), back == data, auto == data if auto is not None else '-')

print(zlib.crc32(b'hello'), zlib.crc32(b'world', zlib.crc32(b'hello ')), zlib.crc32(b'x', -1), zlib.crc32(b''))
print(zlib.adler32(b'hello'), zlib.adler32(b'world', zlib.adler32(b'hello ')), zlib.adler32(b''), zlib.adler32(b'a', 2 ** 33 + 5))
print(zlib.crc32(bytearray(b'ab')), zlib.crc32(memoryview(b'ab')))

co = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
stream = b''.join(parts)
print(len(stream), zlib.crc32(stream), zlib.decompress(stream, -15) == data)

co = zlib.compressobj()
a = co.compress(b'abc') + co.flush(zlib.Z_SYNC_FLUSH)
b = co.compress(b'def') + co.flush(zlib.Z_FULL_FLUSH)
c = co.flush()
print(a, b, c, zlib.decompress(a + b + c))

do = zlib.decompressobj()
comp = zlib.compress(data)
out = b''
chunk = comp
while chunk:
    out += do.decompress(chunk, 5000)
    chunk = do.unconsumed_tail
out += do.flush()
print(len(out), out == data, do.eof, do.unused_data)
do = zlib.decompressobj()
print(do.decompress(comp + b'TRAILING') == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b'more'), do.unused_data)
do = zlib.decompressobj()
half = do.decompress(comp[:100])
print(len(half) > 0, do.eof)
rest = do.decompress(comp[100:])
print(half + rest == data, do.eof)

zd = b'the quick brown fox jumps over the lazy dog'
co = zlib.compressobj(zdict=zd)
cz = co.compress(b'the lazy dog jumps over the quick fox') + co.flush()
print(cz)
print(zlib.decompressobj(zdict=zd).decompress(cz))
try:
    zlib.decompress(cz)
except zlib.error as e:
    print('zlib.error', e)
co = zlib.compressobj(wbits=-15, zdict=zd)
cr = co.compress(b'the lazy dog') + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(cr))

for bad in [lambda: zlib.decompress(b'garbage'), lambda: zlib.decompress(zlib.compress(data)[:50]),
            lambda: zlib.compress(b'x', 10), lambda: zlib.compress(b'x', 6, 99), lambda: zlib.compress('str'),
            lambda: zlib.decompress(b'x', 99), lambda: zlib.compressobj(wbits=99), lambda: zlib.decompressobj(wbits=5),
            lambda: zlib.decompressobj().decompress(b'x', -1), lambda: zlib.decompress(zlib.compress(b'abc'), -15),
            lambda: zlib.crc32(5), lambda: zlib.decompressobj().flush(0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(zlib.error, Exception), zlib.error.__module__, zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION, zlib.DEF_BUF_SIZE)

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as f:
    f.write(data)
g = buf.getvalue()
print(len(g), g[:10], zlib.crc32(g))
print(gzip.decompress(g) == data, gzip.decompress(gzip.compress(b'abc', mtime=0)), gzip.compress(b'abc', mtime=0))

zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo('a.txt', (2020, 1, 1, 0, 0, 0)), data)
    z.writestr(zipfile.ZipInfo('b.txt', (2020, 1, 1, 0, 0, 0)), b'small')
print(len(zbuf.getvalue()), zlib.crc32(zbuf.getvalue()))
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('c.txt', data)
raw = zbuf.getvalue()
print(len(raw), zlib.decompress(raw[30 + 5:], -15) == data)
