# pwd and grp over libc: entries as struct sequences, lookups by id and name agree with
# each other and with os.getuid()/getgid(), and the KeyError/TypeError/OverflowError rules.
import grp
import os
import pwd

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, root[0] == root.pw_name, len(root), type(root).__name__)
print(pwd.getpwnam("root") == root, pwd.struct_passwd.__module__, pwd.struct_passwd.n_fields, repr(root).startswith("pwd.struct_passwd(pw_name='root', "))
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), pwd.getpwnam(me.pw_name) == me, isinstance(me.pw_dir, str))
everyone = pwd.getpwall()
print(type(everyone).__name__, root in everyone, all(pwd.getpwuid(p.pw_uid).pw_uid == p.pw_uid for p in everyone))
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam(g.gr_name) == g, len(g), repr(g).startswith("grp.struct_group(gr_name="))
print(grp.getgrgid(os.getgid()).gr_gid == os.getgid(), all(grp.getgrgid(e.gr_gid).gr_gid == e.gr_gid for e in grp.getgrall()))
print(all(isinstance(m, str) for e in grp.getgrall() for m in e.gr_mem), g in grp.getgrall())
for f in [lambda: pwd.getpwuid(-1), lambda: pwd.getpwuid(-2), lambda: pwd.getpwuid(2**40), lambda: pwd.getpwuid(2**70),
          lambda: pwd.getpwuid("a"), lambda: pwd.getpwuid(1.5), lambda: pwd.getpwnam("nobody-such"),
          lambda: pwd.getpwnam(3), lambda: pwd.getpwnam("a\0b"), lambda: grp.getgrgid(99999),
          lambda: grp.getgrgid(2**40), lambda: grp.getgrgid("x"), lambda: grp.getgrnam("no-such-group"),
          lambda: grp.getgrnam(b"root"), lambda: pwd.getpwuid(uid=0), lambda: grp.getgrgid(-1),
          lambda: pwd.getpwuid(True).pw_uid, lambda: grp.getgrgid(id=0).gr_gid, lambda: pwd.getpwall(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    root.pw_name = "x"
except AttributeError as e:
    print("AttributeError", e)
