#!/usr/bin/env python3
"""Writes the ```python snippets of the product's sys spec (the seed) as golden tests.

Usage: python3 jit-tests/seed_extract.py [SEED_FILE]
(default: ../shared/seed/000_27aba10ca0c172bb.txt beside the repository)

Each snippet becomes jit-tests/seed/sNN_<name>.py, verbatim, so it runs exactly as the
spec shows it; then run `python3 jit-tests/regen.py jit-tests/seed` for the outputs.
The spec allows paths and timings to differ from CPython's, so a snippet that prints
them gets a .mask file (see regen.py) hiding exactly those parts and nothing else.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(ROOT, "..", "..", "shared", "seed", "000_27aba10ca0c172bb.txt")

NAMES = [
    "startup_state", "search_path", "getframe", "atexit_exit", "thread_frames", "exc_info",
    "streams", "refcount_del", "gc_threshold", "microbench", "getsizeof", "exposed_info",
    "path_recursionlimit",
]

# What may differ, per snippet: installation paths, the sys.path entries after the
# script's directory, the number of modules loaded at start-up (CPython's depends on
# site-packages .pth files), timings, and sizes that follow from those.
MASKS = {
    0: [r"(?m): /\S*$"],
    1: [r"(?m)(^Search path: /\S*\n)+", r"modules: \d+"],
    9: [r"\d+\.\d+s"],
    10: [r"\d+ bytes"],
    11: [r"(?m)path: /\S*$", r"\[.*\]"],
}


def main():
    seed = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(seed, encoding="utf-8") as f:
        snippets = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    if len(snippets) != len(NAMES):
        sys.exit(f"{seed}: {len(snippets)} snippets, expected {len(NAMES)}: update NAMES and MASKS")
    out = os.path.join(ROOT, "seed")
    os.makedirs(out, exist_ok=True)
    for i, (code, name) in enumerate(zip(snippets, NAMES)):
        stem = os.path.join(out, f"s{i:02d}_{name}")
        with open(stem + ".py", "w", encoding="utf-8") as f:
            f.write(code)
        if i in MASKS:
            with open(stem + ".mask", "w", encoding="utf-8") as f:
                f.write("# Written by jit-tests/seed_extract.py: what the spec lets differ.\n")
                f.write("".join(m + "\n" for m in MASKS[i]))
        elif os.path.exists(stem + ".mask"):
            os.remove(stem + ".mask")
    print(f"{len(snippets)} snippets written to {out}")


if __name__ == "__main__":
    main()
