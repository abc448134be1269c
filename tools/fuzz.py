#!/usr/bin/env python3
"""Fuzzer for pylift (stable toolchain, no sanitizers): generates and mutates programs,
runs each under pylift in the three modes (--no-jit, --jit=all, --jit=deopt-stress) with a
memory cap and a timeout, and reports

  crash  - a signal, a Rust panic or pylift's "internal error" (always a bug);
  hang   - pylift timed out where python3 finished;
  modes  - the three modes disagree;
  diff   - pylift's output differs from python3's, for programs python3 runs the same
           way twice (deterministic).

Programs come from jit-tests/ (mutated line- and byte-wise: deleted, duplicated, swapped
lines, spliced lines of other programs, stray tokens, bad bytes) and from a small grammar
of statements and expressions. Each finding is saved under --out with its report.

    python3 tools/fuzz.py --time 3600                  # an hour, random seed
    python3 tools/fuzz.py --seed 1 --time 45 --ci      # .ci/run: fails on crashes only
    python3 tools/fuzz.py --classify fuzz-out          # re-run saved diffs, grouped
"""

import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "jit-tests"
MODES = ["--no-jit", "--jit=all", "--jit=deopt-stress"]
MEMORY_CAP = 4 << 30
CRASH_MARKS = ("internal error in pylift", "pylift internal error", "panicked at", "has overflowed its stack",
               "failed to start", "RUST_BACKTRACE")


def cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(cmd, path, timeout):
    """(status, stdout, stderr); status None on timeout, negative for a signal."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONUNBUFFERED", None)
    try:
        p = subprocess.run(cmd + [str(path)], cwd=TESTS, capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, preexec_fn=cap_memory, env=env)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b""


# ---- generation ----

NAMES = ["a", "b", "x", "s", "lst", "d", "f", "C", "obj", "i"]
ATOMS = ["0", "1", "-1", "2**62", "2**64", "3.5", "-0.0", "1e308", "float('nan')", "'abc'", "''", "b'xy'",
         "None", "True", "[]", "[1, 2]", "()", "(1,)", "{}", "{1: 2}", "set()", "range(5)", "1j", "..."]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "<", "is", "in", "and", "or"]


def expr(r, depth=0):
    if depth > 3 or r.random() < 0.3:
        return r.choice(ATOMS + NAMES)
    k = r.randrange(9)
    e = lambda: expr(r, depth + 1)
    if k == 0:
        return f"({e()} {r.choice(BINOPS)} {e()})"
    if k == 1:
        return f"{r.choice(['-', 'not ', '~'])}{e()}"
    if k == 2:
        return f"{r.choice(['len', 'str', 'repr', 'int', 'float', 'list', 'tuple', 'sorted', 'hash', 'bool', 'abs'])}({e()})"
    if k == 3:
        return f"{e()}[{e()}]"
    if k == 4:
        return f"[{e()} for i in {e()}]"
    if k == 5:
        return f"({e()} if {e()} else {e()})"
    if k == 6:
        return f"{e()}.{r.choice(['append', 'keys', 'real', 'upper', 'count', '__class__', 'x'])}"
    if k == 7:
        return f"f'{{{e()}!r:>{r.randrange(5)}}}'"
    return f"lambda *a: {e()}"


def stmt(r, depth=0, indent=""):
    k = r.randrange(10)
    inner = lambda: "\n".join(stmt(r, depth + 1, indent + "    ") for _ in range(r.randrange(1, 3)))
    if depth > 2 or k < 3:
        return f"{indent}{r.choice(NAMES)} = {expr(r)}"
    if k == 3:
        return f"{indent}print({expr(r)})"
    if k == 4:
        return f"{indent}for i in {expr(r)}:\n{inner()}"
    if k == 5:
        return f"{indent}try:\n{inner()}\n{indent}except Exception as e:\n{indent}    print(type(e).__name__)"
    if k == 6:
        return f"{indent}def f(*a, **k):\n{inner()}\n{indent}    return {expr(r)}"
    if k == 7:
        return f"{indent}class C:\n{indent}    def __eq__(self, o): return {expr(r)}\n{indent}    def __hash__(self): return {expr(r)}"
    if k == 8:
        return f"{indent}while {expr(r)}:\n{inner()}\n{indent}    break"
    return f"{indent}with open(__file__) as fh:\n{indent}    {r.choice(NAMES)} = fh.read({r.randrange(10)})"


def generated(r):
    body = "\n".join(stmt(r) for _ in range(r.randrange(2, 8)))
    # Every statement runs under a handler so one error does not end the program.
    lines = [f"try:\n{textwrap_indent(s)}\nexcept BaseException as e:\n    print('E', type(e).__name__)"
             for s in body.split("\n\n")]
    return ("\n".join(lines) + "\n").encode()


def textwrap_indent(s):
    return "\n".join("    " + line for line in s.split("\n"))


BAD_BYTES = [b"\0", b"\xff", b"\xe9", b"\xef\xbb\xbf", b"# coding: latin-1\n", b"\\", b"(", b")", b"'''", b":",
             b"\t", b"    ", b"lambda", b"yield", b"await ", b"*", b"**", b"f'{", b"\\N{", b"\\x", b"@", b":="]


def mutate(r, src, others):
    lines = src.split(b"\n")
    for _ in range(r.randrange(1, 4)):
        k = r.randrange(8)
        i = r.randrange(len(lines)) if lines else 0
        if k == 0 and lines:
            del lines[i]
        elif k == 1 and lines:
            lines.insert(i, lines[r.randrange(len(lines))])
        elif k == 2 and len(lines) > 1:
            j = r.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif k == 3 and others:
            o = r.choice(others).split(b"\n")
            lines.insert(i, r.choice(o))
        elif k == 4 and lines:
            line = lines[i]
            at = r.randrange(len(line) + 1)
            lines[i] = line[:at] + r.choice(BAD_BYTES) + line[at:]
        elif k == 5 and lines:
            line = lines[i]
            if line:
                at = r.randrange(len(line))
                lines[i] = line[:at] + line[at + 1:]
        elif k == 6:
            lines = lines[: r.randrange(len(lines) + 1)]
        else:
            lines.insert(i, (" " * r.randrange(9)).encode() + stmt(r).encode())
    return b"\n".join(lines)


def seeds():
    out = []
    for p in sorted(TESTS.rglob("*.py")):
        rel = p.relative_to(TESTS)
        if any(part.startswith(("_", "mod_")) for part in rel.parts) or rel.parts[0] in ("perf",):
            continue
        if p.with_suffix(".in").exists() or p.with_suffix(".flags").exists() or p.stat().st_size > 8000:
            continue
        # Programs that sleep, start threads or touch signals time out or vary when mutated.
        b = p.read_bytes()
        if any(w in b for w in (b"sleep", b"thread", b"signal", b"subprocess", b"socket", b"time.", b"random")):
            continue
        out.append((str(rel), b))
    return out


# ---- checking ----

def check(pylift, path, timeout):
    """A list of (kind, detail) findings for the program at `path`."""
    results = {m: run([pylift, m], path, timeout) for m in MODES}
    found = []
    cpython = None
    for m, (st, out, err) in results.items():
        text = err.decode("utf-8", "replace")
        if st is not None and st < 0:
            # An uncaught KeyboardInterrupt ends python3 by SIGINT too.
            cpython = cpython or run([sys.executable], path, timeout)
            if cpython[0] != st:
                found.append(("crash", f"{m}: killed by signal {-st}\n{text[-2000:]}"))
        elif any(mark in text for mark in CRASH_MARKS):
            found.append(("crash", f"{m}: status {st}\n{text[-2000:]}"))
    if found:
        return found
    finished = {m: r for m, r in results.items() if r[0] is not None}
    if len({(r[0], r[1], r[2]) for r in finished.values()}) > 1 and not any(map(nondeterministic, finished.values())):
        found.append(("modes", "\n".join(f"{m}: {r[0]} {r[1][-300:]!r} {r[2][-300:]!r}" for m, r in finished.items())))
        return found
    cp1 = run([sys.executable], path, timeout)
    if cp1[0] is None:
        return found
    if len(finished) < len(MODES):
        found.append(("hang", "pylift timed out where python3 finished"))
        return found
    st, out, err = finished[MODES[0]]
    if (st, out, err) != cp1:
        cp2 = run([sys.executable], path, timeout)
        if cp2 == cp1 and not nondeterministic(cp1):
            found.append(("diff", f"python3: {cp1[0]} {cp1[1][-500:]!r} {cp1[2][-800:]!r}\n"
                                  f"pylift:  {st} {out[-500:]!r} {err[-800:]!r}"))
    return found


def nondeterministic(result):
    # Addresses and memory sizes differ between implementations by design.
    text = result[1] + result[2]
    return b" at 0x" in text or b"MemoryError" in text or b"RecursionError" in text


# ---- classifying saved findings ----

def error_kind(status, err):
    """What a run ended with: an exception class, "ok", or a compile-time warning category
    printed before it (`SyntaxWarning+ok`)."""
    text = err.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    kind = "ok" if status == 0 else (re.match(r"[\w.]+", lines[-1]) or [f"status {status}"])[0] if lines else f"status {status}"
    warned = sorted({w for w in re.findall(r"\b(\w+Warning): ", text)})
    return "+".join(warned + [kind])


def first_message(err):
    """python3's error message with numbers blanked, for grouping."""
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip()]
    return re.sub(r"\d+", "N", lines[-1]) if lines else ""


def classify(pylift, directory, verbose, jobs):
    """Re-runs each saved diff-*.py under python3 and pylift --no-jit (as case.py, from
    jit-tests/, as the fuzzer ran it) and prints how many still differ, grouped by
    (python3's ending, pylift's ending)."""
    progs = sorted(Path(directory).glob("diff-*.py"))
    scratch_root = Path(tempfile.mkdtemp(prefix="pylift-classify-"))

    def one(i_prog):
        i, prog = i_prog
        case = scratch_root / str(i) / "case.py"
        case.parent.mkdir()
        shutil.copyfile(prog, case)
        cp = run([sys.executable], case, 10)
        pl = run([pylift, "--no-jit"], case, 10)
        return prog, cp, pl

    groups = collections.defaultdict(list)
    same = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            for prog, cp, pl in ex.map(one, enumerate(progs)):
                if cp == pl:
                    same += 1
                    continue
                key = f"{error_kind(cp[0], cp[2])} vs {error_kind(pl[0], pl[2])}"
                groups[key].append((prog, first_message(cp[2])))
    finally:
        shutil.rmtree(scratch_root)
    print(f"{len(progs)} programs: {same} now match, {len(progs) - same} differ")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5}  {key}")
        if verbose:
            msgs = collections.Counter(m for _, m in items)
            for m, n in msgs.most_common():
                example = next(p.name for p, mm in items if mm == m)
                print(f"         {n:4}  {m[:100]}  ({example})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pylift", default=str(ROOT / "target/release/pylift"))
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--time", type=float, default=60.0, help="seconds to run")
    ap.add_argument("--count", type=int, default=None, help="stop after this many programs")
    ap.add_argument("--timeout", type=float, default=10.0, help="per run, seconds")
    ap.add_argument("--out", default=str(ROOT / "fuzz-out"))
    ap.add_argument("--ci", action="store_true", help="exit 1 on crashes only; report the rest")
    ap.add_argument("--classify", metavar="DIR", help="re-run DIR's saved diffs and group those still differing")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --classify: by python3's message too")
    ap.add_argument("--jobs", type=int, default=2, help="with --classify: programs run at once")
    a = ap.parse_args()
    # Programs run from jit-tests/: a relative binary path is the caller's.
    if os.sep in a.pylift:
        a.pylift = os.path.abspath(a.pylift)
    if a.classify:
        classify(a.pylift, a.classify, a.verbose, a.jobs)
        return
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    r = random.Random(seed)
    corpus = seeds()
    sources = [b for _, b in corpus]
    # Outside jit-tests/, where the test suite would pick it up; run from jit-tests/.
    scratch = Path(tempfile.mkdtemp(prefix="pylift-fuzz-")) / "case.py"
    out_dir = Path(a.out)
    counts = {"crash": 0, "hang": 0, "modes": 0, "diff": 0}
    tried = 0
    start = time.time()
    try:
        while time.time() - start < a.time and (a.count is None or tried < a.count):
            if r.random() < 0.35:
                prog, origin = generated(r), "grammar"
            else:
                origin, src = r.choice(corpus)
                prog = mutate(r, src, sources)
            scratch.write_bytes(prog)
            tried += 1
            for kind, detail in check(a.pylift, scratch, a.timeout):
                counts[kind] += 1
                out_dir.mkdir(parents=True, exist_ok=True)
                name = f"{kind}-{seed}-{tried}"
                (out_dir / f"{name}.py").write_bytes(prog)
                (out_dir / f"{name}.txt").write_text(f"from {origin}\n{detail}\n")
                print(f"[{tried}] {kind} ({origin}): {out_dir / name}.py", flush=True)
    finally:
        scratch.unlink(missing_ok=True)
        scratch.parent.rmdir()
    print(f"fuzz: seed {seed}, {tried} programs in {time.time() - start:.0f}s: "
          + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if counts["crash"] or (not a.ci and any(counts.values())):
        sys.exit(1)


if __name__ == "__main__":
    main()
