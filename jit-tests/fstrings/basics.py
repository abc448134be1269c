# f-string basics
name, n, pi = "World", 42, 3.14159265
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{pi}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{n=}", f"{pi = }", f"{name=!r}", f"{n * 2 = }", f"{pi=:.2f}", f"{ n = }")
print(f"{{literal braces}}", f"{{{n}}}", f"}}{{")
print(f"{'nested ' + 'quotes'}", f'{"double"}', f"""{'triple'}""", f"{[1, 2][0]}", f"{ {'k': 'v'}['k'] }")
print(f"{n:>8}|{n:<8}|{n:^8}|{n:08}|{n:+}|{n:x}|{n:#o}|{n:b}|{n:,}|{n:e}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'*'}^{width}}", f"{pi:.{prec}}")
print(f"{'multi'}" f"{'part'}" "plain" f"{n}")
x = 5
print(f"{x if x > 3 else 'small'}", f"{(lambda y: y * 2)(x)}", f"{x:{'>' if x else '<'}5}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items)} items", f"{items[-1].upper()}", f"{dict(a=1)['a']}")
print(f"{3.0:g}", f"{1e20:g}", f"{0.0001:%}", f"{1234567.891:_.2f}", f"{-0.0:.1f}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
print(f"{P()}", f"{P():abc}", f"{P()!r}", f"{P()!r:>6}")
print(f"{'x':*<5}", f"{'':->4}", f"{True}", f"{None}", f"{b'b'}", f"{1+2j}")
print(f"result: {sum(i for i in range(5))}", f"{n!r:>5}")
nl = "\n"
print(f"line1{nl}line2", f"tab\there", rf"raw\n{n}", fr"{n}\t")
print(f"{n:{'d'}}", f"{n:5d}", f"{-n:05d}", f"{n:c}", f"{255:X}", f"{255:#x}")
date = (2024, 1, 5)
print(f"{date[0]:04d}-{date[1]:02d}-{date[2]:02d}")
