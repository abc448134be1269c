"""Drives `pylift` (argv[1]) at a pseudo-terminal as a person would: line editing, history,
completion, Ctrl-C at the prompt and while running, Ctrl-D. Prints what failed; exit 1 if any."""
import os
import pty
import select
import sys
import time

BIN = sys.argv[1]


def run(keys, timeout=20.0):
    """Sends each chunk of `keys` once the program has been quiet; returns (output, status)."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, HOME=os.environ.get("PYLIFT_TEST_HOME", "/nonexistent"), TERM="xterm")
        os.execve(BIN, [BIN], env)
    out = b""
    pending = list(keys)
    deadline = time.time() + timeout
    status = None
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.3)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                break
            out += data
            continue
        if pending:
            os.write(fd, pending.pop(0).encode())
        else:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                break
    if status is None:
        try:
            _, status = os.waitpid(pid, 0 if not pending else os.WNOHANG)
        except ChildProcessError:
            status = 0
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return text, os.waitstatus_to_exitcode(status) if status is not None else None


failures = []


def check(name, keys, wants, code=0):
    t0 = time.time()
    text, st = run(keys)
    if os.environ.get('VERBOSE'):
        print(name, round(time.time() - t0, 1), st, repr(text[-80:]))
    for w in wants:
        if w not in text:
            failures.append(f"{name}: missing {w!r} in output:\n{text}")
    if st != code:
        failures.append(f"{name}: exit status {st}, wanted {code}:\n{text}")


check("expression echo", ["6*7\n", "\x04"], ["42", ">>> "])
check("compound statement", ["def f(x):\n", "    return x + 1\n", "\n", "f(1)\n", "\x04"], ["... ", "\n2\n"])
check("history: up arrow repeats", ["x = 20\n", "x + 1\n", "x = 30\n", "\x1b[A\x1b[A\n", "\x04"], ["31"])
check("line editing: left arrow inserts", ["1+3\x1b[D\x1b[D2\n", "\x04"], ["15"])
check("completion of a global", ["longname_var = 5\n", "longname_v\t + 1\n", "\x04"], ["6"])
check("Ctrl-C at the prompt", ["12\x03", "7*6\n", "\x04"], ["KeyboardInterrupt", "42"])
check("Ctrl-C while running", ["while True: pass\n", "\n", "\x03", "1+1\n", "\x04"], ["KeyboardInterrupt", "\n2\n"])
check("traceback keeps the prompt", ["1/0\n", "'still'\n", "\x04"], ["ZeroDivisionError: division by zero", "'still'"])
check("sys.ps1", ["import sys; sys.ps1 = 'py> '\n", "5\n", "\x04"], ["py> "])
check("exit()", ["raise SystemExit(3)\n"], [], code=3)

# History survives the session in $HOME/.pylift_history.
import tempfile
with tempfile.TemporaryDirectory() as home:
    os.environ["PYLIFT_TEST_HOME"] = home
    check("history file: first session", ["'remembered' * 2\n", "\x04"], ["'rememberedremembered'"])
    check("history file: next session", ["\x1b[A\n", "\x04"], ["'rememberedremembered'"])

for f in failures:
    print(f)
sys.exit(1 if failures else 0)
