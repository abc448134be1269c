# hashlib over the native _md5/_sha1/_sha256/_sha512/_sha3/_blake2: digests, copies,
# SHAKE lengths, BLAKE2 parameters, hmac (over _operator._compare_digest), and errors.
import hashlib, hmac
for name in ['md5','sha1','sha224','sha256','sha384','sha512','sha3_224','sha3_256','sha3_384','sha3_512','blake2b','blake2s']:
    h = hashlib.new(name, b'abc')
    h2 = h.copy(); h2.update(b'def')
    print(name, h.hexdigest(), h2.hexdigest()[:16], h.digest_size, h.block_size, h.name, len(h.digest()))
    print(getattr(hashlib, name)(b'x' * 1000).hexdigest())
for name in ['shake_128','shake_256']:
    h = hashlib.new(name, b'abc')
    print(name, h.hexdigest(10), h.digest(5), h.digest_size, h.block_size, h.name)
print(hashlib.blake2b(b'hi', digest_size=20, key=b'k', salt=b's', person=b'p').hexdigest())
print(hashlib.blake2s(b'hi', digest_size=16, key=b'key', fanout=2, depth=3, leaf_size=4, node_offset=5, node_depth=6, inner_size=7, last_node=True).hexdigest())
print(hashlib.blake2b(digest_size=20).name, hashlib.blake2b(digest_size=20).digest_size)
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.md5).hexdigest(), hmac.compare_digest(b'a', b'a'))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.sha256(bytearray(b'ab')).hexdigest(), hashlib.sha256(memoryview(b'ab')).hexdigest())
for bad in [lambda: hashlib.sha256('str'), lambda: hashlib.md5(5), lambda: hashlib.new('nope'), lambda: hashlib.blake2b(digest_size=65),
            lambda: hashlib.blake2s(key=b'x'*33), lambda: hashlib.shake_128(b'').hexdigest(-1), lambda: hashlib.sha256().update('x'),
            lambda: hashlib.blake2b(salt=b'x'*17), lambda: hashlib.sha1().hexdigest(5)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
h = hashlib.sha256()
for chunk in [b'a', b'bc', b'', b'd' * 100000]:
    h.update(chunk)
print(h.hexdigest())
print(hashlib.md5(b'', usedforsecurity=False).hexdigest(), hashlib.new('SHA256', b'x').hexdigest()[:8])
