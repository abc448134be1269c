# Compute kernel: byte-level processing
def checksum(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a

def rle(data):
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        j = i
        while j < n and data[j] == data[i] and j - i < 255:
            j += 1
        out.append(j - i)
        out.append(data[i])
        i = j
    return bytes(out)

data = bytes((i * 7 + i // 13) % 256 for i in range(20000))
print(checksum(data))
print(checksum(b"Wikipedia"))
runs = b"".join(bytes([c]) * (c % 5 + 1) for c in range(65, 91))
enc = rle(runs)
print(len(runs), len(enc), enc[:12])
hist = [0] * 256
for byte in data:
    hist[byte] += 1
print(max(hist), min(hist), hist[:8])
buf = bytearray(1000)
for i in range(1000):
    buf[i] = (i * i) & 0xFF
print(sum(buf), buf[-5:], bytes(buf).count(b"\x00"))
