#!/usr/bin/env python3
"""Regenerate the golden outputs of jit-tests/ with CPython (the oracle).

Usage: python3 jit-tests/regen.py [--python python3] [--check] [PATH-PREFIX ...]

For every test program jit-tests/<area>/<name>.py (a path component starting
with `_` or `mod_` marks a helper module, not a test; top-level files are
tooling) it runs `python3 <area>/<name>.py [args...]` with cwd jit-tests/ and
writes (with every occurrence of the absolute jit-tests/ directory prefix
removed, since CPython reports the script's absolute path in tracebacks, so
they read `File "basics/arith.py"` on every machine):
  <name>.out   stdout (always)
  <name>.err   stderr (only if non-empty)
  <name>.code  exit code (only if non-zero)
<name>.mask, if present, lists regular expressions (one a line, `#` comments):
every match in stdout and stderr becomes `<masked>`, here and in tests/golden.rs,
for output that legitimately differs between machines and implementations
(installation paths, timings). Inputs: <name>.in is fed as stdin (else /dev/null); <name>.args holds extra
command-line arguments, one per line; <name>.flags interpreter options placed before
the script (one per line; with `-m`, the last line names the module, run instead of
the script, with cwd jit-tests/). PYTHONUNBUFFERED is removed from the environment. Stale .out/.err/.code files whose .py
vanished are deleted. With --check nothing is written; differences are listed
and the exit status is 1 if any.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
OUTPUT_EXTS = (".out", ".err", ".code")


def is_helper(component):
    return component.startswith("_") or component.startswith("mod_")


def discover():
    tests = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel_dir = os.path.relpath(dirpath, ROOT)
        dirnames[:] = sorted(d for d in dirnames if not is_helper(d) and not d.startswith("."))
        if rel_dir == ".":
            continue
        for f in sorted(filenames):
            if f.endswith(".py") and not is_helper(f):
                tests.append(os.path.join(rel_dir, f[:-3]).replace(os.sep, "/"))
    return sorted(tests)


def env():
    e = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONUNBUFFERED"):
        e.pop(k, None)
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    return e


def run(python, test):
    args = []
    args_file = os.path.join(ROOT, test + ".args")
    if os.path.exists(args_file):
        with open(args_file, encoding="utf-8") as f:
            args = f.read().splitlines()
    flags = []
    flags_file = os.path.join(ROOT, test + ".flags")
    if os.path.exists(flags_file):
        with open(flags_file, encoding="utf-8") as f:
            flags = [l for l in f.read().splitlines() if l]
    # With -m the module (the last flag) runs instead of the script.
    script = [] if "-m" in flags else [test + ".py"]
    in_file = os.path.join(ROOT, test + ".in")
    stdin = open(in_file, "rb") if os.path.exists(in_file) else subprocess.DEVNULL
    try:
        p = subprocess.run([python] + flags + script + args, cwd=ROOT, env=env(), stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    masks = read_masks(test)
    return mask(normalize(p.stdout), masks), mask(normalize(p.stderr), masks), p.returncode


def read_masks(test):
    path = os.path.join(ROOT, test + ".mask")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [re.compile(l.rstrip("\n").encode()) for l in f if l.strip() and not l.startswith("#")]


def mask(data, masks):
    for m in masks:
        data = m.sub(b"<masked>", data)
    return data


def normalize(data):
    """Strip the machine-specific absolute path of jit-tests/ (see the docstring)."""
    for root in {ROOT, os.path.realpath(ROOT)}:
        data = data.replace(os.fsencode(root + os.sep), b"")
    return data


def expected_files(out, err, code):
    files = {".out": out}
    if err:
        files[".err"] = err
    if code != 0:
        files[".code"] = b"%d\n" % code
    return files


def main():
    argv = sys.argv[1:]
    python = "python3"
    check = False
    prefixes = []
    while argv:
        a = argv.pop(0)
        if a == "--python":
            python = argv.pop(0)
        elif a == "--check":
            check = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            prefixes.append(a.replace(os.sep, "/").rstrip("/").removesuffix(".py"))
    tests = discover()
    if prefixes:
        tests = [t for t in tests if any(t == p or t.startswith(p + "/") for p in prefixes)]
    differing = 0
    for test in tests:
        out, err, code = run(python, test)
        want = expected_files(out, err, code)
        for ext in OUTPUT_EXTS:
            path = os.path.join(ROOT, test + ext)
            old = None
            if os.path.exists(path):
                with open(path, "rb") as f:
                    old = f.read()
            new = want.get(ext)
            if old == new:
                continue
            differing += 1
            print(("differs: " if check else "updated: ") + test + ext)
            if check:
                continue
            if new is None:
                os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(new)
    # stale outputs whose .py vanished (only when regenerating everything)
    if not prefixes:
        live = set(tests)
        for dirpath, dirnames, filenames in os.walk(ROOT):
            for f in filenames:
                stem, ext = os.path.splitext(f)
                if ext not in OUTPUT_EXTS:
                    continue
                rel = os.path.relpath(os.path.join(dirpath, stem), ROOT).replace(os.sep, "/")
                if rel not in live:
                    differing += 1
                    print(("stale: " if check else "removed stale: ") + rel + ext)
                    if not check:
                        os.remove(os.path.join(dirpath, f))
    print("%d tests, %d file(s) %s" % (len(tests), differing, "differ" if check else "changed"))
    return 1 if (check and differing) else 0


if __name__ == "__main__":
    sys.exit(main())
