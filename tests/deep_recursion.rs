//! Deep recursion through native re-entry (`__repr__`, `__eq__`, `__getattr__`, sort
//! keys, map/filter callbacks, `__init__`, properties) and through containers nested a
//! million deep (comparison, hash, repr) under very high recursion limits: a
//! RecursionError every time, never a Rust stack overflow (CPython itself crashes
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
x = []
for _ in range(10**6): x = [x]
t = ()
for _ in range(10**6): t = (t,)
cases = [lambda: repr(R()), lambda: E() == E(), lambda: G().x, lambda: sorted([1, 2], key=key),
         lambda: m(1), lambda: fl(1), lambda: I(), lambda: P().p, lambda: hash(H()),
         lambda: x == [x], lambda: t < (t,), lambda: hash(t), lambda: {t}, lambda: repr(x)]
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
    assert_eq!(lines.len(), 3 * 14 + 1, "{stdout}");
    for l in &lines[..42] {
        assert!(l.ends_with("RecursionError"), "{l}");
    }
    assert_eq!(lines[42], "100000");
}
