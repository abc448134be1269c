# io.IncrementalNewlineDecoder: universal-newline decoding over None (str in) or an
# incremental codec, a pending "\r" across chunks, newlines seen, getstate/setstate/reset.
import io, codecs
D = io.IncrementalNewlineDecoder
print(D.__module__, D.__name__)
d = D(None, True)
print(repr(d.decode("a\r")), d.newlines, repr(d.decode("\nb\rc\r\n")), d.newlines, repr(d.decode("", True)), d.getstate())
d = D(None, False)
for chunk in ["x\r", "", "\r", "y\n", "z\r"]:
    print(repr(d.decode(chunk)), d.newlines, d.getstate())
print(repr(d.decode("", final=True)), d.newlines)
d.reset(); print(d.newlines, d.getstate())
u = D(codecs.getincrementaldecoder("utf-8")(), translate=True)
print(repr(u.decode(b"caf\xc3")), u.getstate(), repr(u.decode(b"\xa9\r")), u.getstate())
st = u.getstate(); print(repr(u.decode(b"\n"))); u.setstate(st); print(repr(u.decode(b"x", True)), u.newlines)
for f in [lambda: D(None, True).decode(b"x"), lambda: D(None), lambda: D.__new__(D).decode("x"), lambda: D(None, "a"), lambda: D.__new__(D).newlines, lambda: D(None, 1).setstate(5), lambda: D(None, 1).decode(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Sub(D):
    pass
s = Sub(None, True); print(repr(s.decode("p\r\nq")), type(s).__name__)
