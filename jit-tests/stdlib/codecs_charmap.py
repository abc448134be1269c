# Table codecs (cp437, cp1252) through _codecs.charmap_* and the codec registry from
# bytes.decode/str.encode, and zipfile reading (its names are cp437).
import io, zipfile, codecs
print(b'abc\x80\xff'.decode('cp437'), 'Çü'.encode('cp437'), b'\x80\x81'.decode('cp1252', 'replace'))
print('€'.encode('cp1252'), b'\x81'.decode('cp1252', 'ignore'))
for f in [lambda: b'\x81'.decode('cp1252'), lambda: '\u4e00'.encode('cp437'), lambda: b'x'.decode('nope'), lambda: 'x'.encode('nope')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo('a.txt', (2020, 1, 1, 0, 0, 0)), b'hello' * 100, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo('dir/b.txt', (2020, 1, 1, 0, 0, 0)), b'small')
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read('a.txt')[:10], z.read('dir/b.txt'), [(i.filename, i.compress_size, i.file_size) for i in z.infolist()], z.testzip())
