# The native unicodedata (Unicode 14.0.0) and its ucd_3_2_0 object: every function over a
# sample of code points (digests, so a wrong table entry anywhere in the sample shows),
# names and lookups (aliases, named sequences, Hangul and ideograph rules, case), the four
# normalization forms on combining sequences, and CPython's argument errors.
import hashlib
import unicodedata as U

O = U.ucd_3_2_0
print(U.unidata_version, O.unidata_version, type(O).__name__, U.UCD is type(O))


def val(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


# Every 61st code point (surrogates skipped) plus a few interesting ranges in full.
SAMPLE = [c for c in range(0, 0x110000, 61) if not 0xD800 <= c < 0xE000]
SAMPLE += list(range(0x00, 0x250)) + list(range(0x300, 0x370)) + list(range(0xAC00, 0xAC40))
SAMPLE += list(range(0x1F00, 0x1F20)) + list(range(0xF900, 0xF910)) + [0x2F868, 0x2F874, 0x2F91F, 0x2F95F, 0x2F9BF]

for db_name, db in (("14.0.0", U), ("3.2.0", O)):
    for fn in ("category", "bidirectional", "combining", "east_asian_width", "mirrored", "decomposition"):
        out = "\n".join(val(getattr(db, fn), chr(c)) for c in SAMPLE)
        print(db_name, fn, hashlib.md5(out.encode()).hexdigest())
    for fn in ("decimal", "digit", "numeric", "name"):
        out = "\n".join(val(getattr(db, fn), chr(c), None) for c in SAMPLE)
        print(db_name, fn, hashlib.md5(out.encode()).hexdigest())
    out = []
    for c in SAMPLE[::3]:
        s = chr(c) + "\u0323\u0301" + chr(c) + "\u0308a\u0300"
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            out.append(val(db.normalize, form, s))
            out.append(val(db.is_normalized, form, s))
    print(db_name, "normalize", hashlib.md5("\n".join(out).encode()).hexdigest())

for c in (0x41, 0xE9, 0x1E0A, 0x00BD, 0x0F33, 0x2460, 0xFB01, 0xAC01, 0x4E00, 0x1F600, 0x18B00, 0xF900):
    ch = chr(c)
    print(hex(c), U.name(ch, "-"), U.category(ch), U.bidirectional(ch), U.combining(ch),
          U.east_asian_width(ch), U.mirrored(ch), repr(U.decomposition(ch)),
          U.decimal(ch, None), U.digit(ch, None), U.numeric(ch, None))

print(ascii(U.normalize("NFC", "e\u0301 A\u030a \u1e9b\u0323 \u1100\u1161\u11a8 \ufb01")))
print(ascii(U.normalize("NFD", "\u1e9b\u0323 \uac01 \u00c5")))
print(ascii(U.normalize("NFKC", "\u1e9b\u0323 \u2460 \uff21 \u00bd")))
print(ascii(U.normalize("NFKD", "\u1e9b\u0323 \u2460 \u01c4")))
print(ascii(U.normalize("NFC", "a\u0328\u0301\u0305\u0315\u0300b")), U.is_normalized("NFC", "\u00e9"),
      U.is_normalized("NFD", "\u00e9"), U.is_normalized("NFC", ""))
for c in (0x2F868, 0x2F874, 0xF951):
    print(hex(c), ascii(O.normalize("NFD", chr(c))), ascii(U.normalize("NFD", chr(c))))
print(ascii(O.normalize("NFC", "\u0041\u030a\U0001F600")), O.is_normalized("NFKC", "\u2460"))

for name in ("LATIN SMALL LETTER A", "latin small letter a", "LATIN CAPITAL LETTER GHA", "NULL", "line feed",
             "BENGALI LETTER KHINYA", "tamil syllable kaa", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE A",
             "hangul syllable ga", "HANGUL SYLLABLE GAX", "HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-4E00",
             "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00",
             "CJK UNIFIED IDEOGRAPH-2A700", "cjk compatibility ideograph-f900", "CJK COMPATIBILITY IDEOGRAPH-0F900",
             "KHITAN SMALL SCRIPT CHARACTER-18B00", "NUSHU CHARACTER-1B170", "TANGUT IDEOGRAPH-17000",
             "GRINNING FACE", "DIGIT\x00ONE", "nope", "", "x" * 256, "x" * 257, b"DIGIT ONE", b"\xffX"):
    print(repr(name)[:40], val(U.lookup, name), val(O.lookup, name))

bad = [
    lambda: U.category(), lambda: U.category("a", "b"), lambda: U.category(x="a"), lambda: U.category("ab"),
    lambda: U.category(1), lambda: O.category(), lambda: O.category(1), lambda: U.name(), lambda: U.name("a", 1, 2),
    lambda: U.name(x="a"), lambda: O.name(x="a"), lambda: U.decimal(1), lambda: U.decimal("ab"),
    lambda: U.decimal("a"), lambda: U.digit("a"), lambda: U.numeric("a"), lambda: U.name("\x00"),
    lambda: U.normalize("NFC"), lambda: U.normalize(1, "a"), lambda: U.normalize("NFC", 1),
    lambda: U.normalize("NFX", "a"), lambda: U.normalize(form="NFC", unistr="a"), lambda: U.is_normalized("X", "a"),
    lambda: U.is_normalized(1, "a"), lambda: U.lookup(), lambda: U.lookup(3), lambda: U.lookup(bytearray(b"A")),
    lambda: U.lookup(name="A"), lambda: O.lookup(), lambda: U.UCD(), lambda: U.numeric("a", "dflt"),
    lambda: U.name("\x00", None),
]
for f in bad:
    print(val(f))
