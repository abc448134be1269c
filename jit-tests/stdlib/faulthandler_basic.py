# faulthandler: enable/disable/is_enabled, dump_traceback of this thread (with and
# without the thread header) to a file and to stdout, argument errors, and finally a
# fatal SIGSEGV with the handler enabled: "Fatal Python error" and the stack on stderr,
# then death by the signal.
import faulthandler
import os
import sys
import tempfile

print(faulthandler.is_enabled(), faulthandler.enable(), faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def inner(f, all_threads):
    faulthandler.dump_traceback(f, all_threads=all_threads)


def outer(f, all_threads=True):
    inner(f, all_threads)


sys.stdout.flush()
outer(sys.stdout, False)
outer(sys.stdout.fileno(), False)
with tempfile.TemporaryFile("w+") as f:
    outer(f)
    f.seek(0)
    text = f.read()
print(text.splitlines()[0].startswith("Current thread 0x"), text.splitlines()[1:])
for bad in [-1, "x", 2**70]:
    try:
        faulthandler.dump_traceback(bad)
    except Exception as e:
        print(type(e).__name__, e)


def crash():
    faulthandler._sigsegv()


def main():
    faulthandler.enable(all_threads=True)
    print("enabled", faulthandler.is_enabled(), flush=True)
    crash()
    print("not reached")


main()
