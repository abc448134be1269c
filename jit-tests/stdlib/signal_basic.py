# _signal under CPython's signal.py: handlers run by the main thread at the next check,
# SIG_DFL/SIG_IGN, raise_signal/alarm/os.kill, handler exceptions, KeyboardInterrupt
# from SIGINT, and the errors for bad arguments.
import os
import signal
import threading
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGALRM), signal.getsignal(signal.SIGPIPE))
print(signal.SIGALRM, repr(signal.SIGALRM), signal.Signals(2), signal.NSIG)
print(signal.SIG_DFL, signal.SIG_IGN, repr(signal.SIG_IGN))

got = []


def handler(signum, frame):
    got.append((signum, type(frame).__name__))


print(signal.signal(signal.SIGALRM, handler))
print(signal.getsignal(signal.SIGALRM) is handler)
signal.raise_signal(signal.SIGALRM)
print(got)

# A busy loop sees the signal at a back edge (compiled loops too).
signal.alarm(1)
n = 0
while len(got) < 2:
    n += 1
print(got[-1], n > 0)


def boom(signum, frame):
    raise ValueError('boom %d' % signum)


signal.signal(signal.SIGUSR1, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    for i in range(1000000):
        pass
except ValueError as e:
    print('caught', e)

signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))

for bad in [(0, handler), (signal.SIGINT, 5), (signal.SIGKILL, handler), (100, handler), ('x', handler)]:
    try:
        signal.signal(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for f, a in [(signal.getsignal, (99,)), (signal.strsignal, (0,)), (signal.alarm, ('1',))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)

print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGALRM))
print(len(signal.valid_signals()), signal.SIGKILL in signal.valid_signals())
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')


def on_int(signum, frame):
    print('SIGINT handler', signum)


old = signal.signal(signal.SIGINT, on_int)
signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, old)

# A sleep or a lock wait runs the handler and goes on (PEP 475).
signal.signal(signal.SIGALRM, handler)
signal.alarm(1)
time.sleep(1.3)
print(len(got))
lock = threading.Lock()
lock.acquire()
signal.alarm(1)
print(lock.acquire(timeout=1.3), len(got))
print(signal.alarm(0))
