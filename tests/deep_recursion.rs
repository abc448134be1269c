//! Deep recursion through native re-entry (`__repr__`, `__eq__`, `__getattr__`, sort
//! keys, map/filter callbacks, `__init__`, properties) under very high recursion limits:
//! a RecursionError every time, never a Rust stack overflow (CPython itself crashes
//! here, so this cannot be a golden test).

use std::process::Command;

const SCRIPT: &str = r#"
import sys
class R:
    def __repr__(self): return repr(self)
class E:
    def __eq__(self, o): return self == o
class G:
    def __getattr__(self, n): return getattr(self, n)
def key(x): return sorted([1, 2], key=key)
def m(x): return list(map(m, [x]))
def fl(x): return list(filter(fl, [x]))
class I:
    def __init__(self): I()
class P:
    @property
    def p(self): return self.p
class H:
    def __hash__(self): return hash(self)
cases = [lambda: repr(R()), lambda: E() == E(), lambda: G().x, lambda: sorted([1, 2], key=key),
         lambda: m(1), lambda: fl(1), lambda: I(), lambda: P().p, lambda: hash(H())]
for lim in (20000, 100000, 10**6):
    sys.setrecursionlimit(lim)
    for i, fn in enumerate(cases):
        try:
            fn()
            print(lim, i, "no error")
        except RecursionError:
            print(lim, i, "RecursionError")
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(100000))
"#;

#[test]
fn native_recursion_never_overflows() {
    let out = Command::new(env!("CARGO_BIN_EXE_pylift")).arg("-c").arg(SCRIPT).output().expect("run pylift");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "status {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3 * 9 + 1, "{stdout}");
    for l in &lines[..27] {
        assert!(l.ends_with("RecursionError"), "{l}");
    }
    assert_eq!(lines[27], "100000");
}
