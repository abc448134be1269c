# __repr__, __str__, __format__, __bool__, __index__, __int__, __float__
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "cents":
            return f"{self.cents}c"
        return format(str(self), spec)
    def __bool__(self):
        return self.cents != 0
m = Money(1234)
print(m, repr(m), str(m), [m], (m,), {"k": m})
print(f"{m}", f"{m!r}", f"{m!s}", f"{m:cents}", f"{m:>10}|", format(m, "<9") + "|", "{:^11}".format(m))
print("%s %r" % (m, m), bool(m), bool(Money(0)), "yes" if Money(0) else "no")
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), [str(OnlyStr())])
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i = Idx(2)
print([10, 20, 30][i], "abcdef"[i:Idx(5)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3)), operator_index := i.__index__())
print(int(Idx(7)), [0] * Idx(3), (1, 2, 3)[Idx(-1)])
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, n=None):
        return "rounded" if n is None else f"rounded{n}"
    def __abs__(self):
        return "abs"
print(int(Num()), float(Num()), complex(Num()), round(Num()), round(Num(), 2), abs(Num()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class LenBool:
    def __len__(self):
        return 2
print(bool(LenBool()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(format(3.5, ""), format(Money(5), "cents"), object.__format__(Money(1), ""))
