# fcntl and termios over libc: fcntl/ioctl with int, bytes, str, bytearray and array
# arguments, flock/lockf, and termios on a pseudo-terminal (tcgetattr/tcsetattr round
# trips, tty.setraw/setcbreak, window sizes), with the C modules' errors.
import array
import fcntl
import os
import pty
import struct
import tempfile
import termios
import tty

print(sorted((n, getattr(fcntl, n)) for n in dir(fcntl) if n.isupper()))
tnames = sorted(n for n in dir(termios) if n.isupper())
print(len(tnames), sum(getattr(termios, n) for n in tnames))
print([(n, getattr(termios, n)) for n in tnames[::7]])
print(termios.error.__mro__, termios.error.__module__)

r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, fcntl.fcntl(r, fcntl.F_SETFD, 0), fcntl.fcntl(r, fcntl.F_GETFD))
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(w))
os.write(w, b"hello")
buf = bytearray(4)
print(fcntl.ioctl(r, termios.FIONREAD, buf), buf, fcntl.ioctl(r, termios.FIONREAD, buf, False))
print(struct.unpack("i", fcntl.ioctl(r, termios.FIONREAD, b"\0" * 4)), fcntl.ioctl(r, termios.FIONREAD, "abcd"))
a = array.array("i", [0])
print(fcntl.ioctl(r, termios.FIONREAD, a), a)
big = bytearray(2000)
print(fcntl.ioctl(r, termios.FIONREAD, big), big[:4], len(big))
print(fcntl.fcntl(r, fcntl.F_GETFL, "ab"), fcntl.fcntl(r, fcntl.F_GETFL, b"xyz"))
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0)
    fcntl.lockf(f, fcntl.LOCK_UN, 10)
    fcntl.lockf(f, fcntl.LOCK_SH, 0, 5, os.SEEK_SET)
    print("locks ok")
for fn in [lambda: fcntl.fcntl(r, fcntl.F_GETFD, None), lambda: fcntl.fcntl(r, fcntl.F_GETFL, 1.5),
           lambda: fcntl.fcntl(r, fcntl.F_GETFL, bytearray(4)), lambda: fcntl.fcntl(r, fcntl.F_GETFL, b"x" * 1025),
           lambda: fcntl.fcntl(99, fcntl.F_GETFL), lambda: fcntl.fcntl(r, 2**33), lambda: fcntl.fcntl(-1, 1),
           lambda: fcntl.fcntl("x", 1), lambda: fcntl.ioctl(r, termios.FIONREAD, 1.5),
           lambda: fcntl.ioctl(r, termios.FIONREAD, b"x" * 1025), lambda: fcntl.ioctl(r, termios.TIOCGWINSZ, b"\0" * 8),
           lambda: fcntl.ioctl(r, -1), lambda: fcntl.lockf(r, 0), lambda: fcntl.fcntl(), lambda: fcntl.flock(r),
           lambda: fcntl.fcntl(0, 1, x=1)]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)

m, s = pty.openpty()
print(os.isatty(s), os.isatty(r), os.get_inheritable(m), os.ttyname(s).startswith("/dev/pts/"))
attrs = termios.tcgetattr(s)
print(len(attrs), len(attrs[6]), [type(c).__name__ for c in attrs[6][:8]], bool(attrs[3] & termios.ICANON))
tty.setraw(s)
raw = termios.tcgetattr(s)
print(raw[0] & (termios.BRKINT | termios.ICRNL | termios.INPCK | termios.ISTRIP | termios.IXON), raw[1] & termios.OPOST,
      raw[3] & (termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG), raw[6][termios.VMIN], raw[6][termios.VTIME],
      raw[2] & termios.CSIZE == termios.CS8)
os.write(m, b"x\r")
print(os.read(s, 10))
termios.tcsetattr(s, termios.TCSANOW, attrs)
print(termios.tcgetattr(s) == attrs)
os.write(m, b"line\r")
print(os.read(s, 10))
tty.setcbreak(s)
cb = termios.tcgetattr(s)
print(bool(cb[3] & termios.ICANON), bool(cb[3] & termios.ECHO), cb[6][termios.VMIN])
print(termios.tcgetwinsize(s), termios.tcsetwinsize(s, (30, 100)), termios.tcgetwinsize(s), os.get_terminal_size(s))
print(struct.unpack("HHHH", fcntl.ioctl(s, termios.TIOCGWINSZ, b"\0" * 8)))
print(termios.tcdrain(s), termios.tcflush(s, termios.TCIOFLUSH), termios.tcflow(s, termios.TCOON), termios.tcsendbreak(s, 0))
cc = list(attrs[6])
cc[termios.VINTR] = 7
termios.tcsetattr(s, termios.TCSADRAIN, attrs[:6] + [cc])
print(termios.tcgetattr(s)[6][termios.VINTR])
for fn in [lambda: termios.tcsetattr(s, 0, [1]), lambda: termios.tcsetattr(s, 0, attrs[:6] + [[1]]),
           lambda: termios.tcsetattr(s, 0, attrs[:6] + [[1.5] * 32]), lambda: termios.tcsetattr(s, 99, attrs),
           lambda: termios.tcgetattr(99), lambda: termios.tcgetattr(-1), lambda: termios.tcgetattr("x"),
           lambda: termios.tcsetattr(s, 0, tuple(attrs)), lambda: termios.tcsetattr(s, 0, attrs[:5] + ["x", attrs[6]]),
           lambda: termios.tcsetwinsize(s, (1,)), lambda: termios.tcsetwinsize(s, 5),
           lambda: termios.tcsetwinsize(s, (70000, 1)), lambda: termios.tcgetattr(r), lambda: termios.tcgetattr()]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e, e.args)
