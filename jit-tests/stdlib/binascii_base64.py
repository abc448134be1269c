# The native binascii under CPython's base64: hex (separators), base64 (lenient and strict
# decoding), crc32/crc_hqx, and the base64 module's encodings built on them.
import base64
import binascii

print(binascii.hexlify(b"\x00\xffab"), binascii.b2a_hex(b"xyz"), binascii.hexlify(b"ab", "-"))
print(binascii.hexlify(b"abcdef", ":", 2), binascii.hexlify(b"abcde", ":", 2), binascii.hexlify(b"abcde", b" ", -2))
print(binascii.unhexlify("00ff6162"), binascii.a2b_hex(b"DEADbeef"), binascii.unhexlify(bytearray(b"41")))
print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"ab", newline=False), binascii.b2a_base64(b""))
print(binascii.a2b_base64(b"YWJj"), binascii.a2b_base64("YW Jj\n"), binascii.a2b_base64(b"YQ=="), binascii.a2b_base64(b"YQ==trailing"))
print(binascii.a2b_base64(b"YWJj", strict_mode=True), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"hello world"), binascii.crc32(b"", -1), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"123456789", 0xFFFF))
for call in [lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"), lambda: binascii.a2b_base64("abc"),
             lambda: binascii.a2b_base64("a"), lambda: binascii.a2b_base64("abcde"), lambda: binascii.hexlify("x"),
             lambda: binascii.a2b_base64("é"), lambda: binascii.a2b_base64(b"=YWJj", strict_mode=True),
             lambda: binascii.a2b_base64(b"YW*Jj", strict_mode=True), lambda: binascii.a2b_base64(b"YQ==YQ==", strict_mode=True),
             lambda: binascii.hexlify(b"ab", "--"), lambda: base64.b64decode(b"YW*Jj", validate=True)]:
    try:
        print(call())
    except (binascii.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))

data = bytes(range(0, 256, 7))
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode),
                 (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode)]:
    e = enc(data)
    print(enc.__name__, e[:24], dec(e) == data)
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.standard_b64decode("+/8="))
