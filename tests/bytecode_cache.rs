//! The bytecode cache under damage CPython does not survive (a `.pyc` whose marshal body is
//! cut short or has bytes changed fails CPython's import; pylift checks the body and
//! compiles the source instead): for every truncation length class and for changed bytes
//! all through the file, the program's output must be that of the undamaged run, and the
//! `.pyc` must be rewritten whole. The golden test `jit-tests/imports/bytecode_cache.py`
//! covers what CPython also does.

use std::path::{Path, PathBuf};
use std::process::Command;

const MODULE: &str = r#"
"""Docstring."""
VALUES = (1, -2**70, 2.5, -0.0, 3j, "text", "名前", b"\x00\xff", frozenset({1, 2}), None, ...)

def f(a, *, b=2):
    def g():
        return a * b
    return [g() for _ in range(2)]

class K:
    def m(self):
        try:
            return {}["missing"]
        except KeyError as e:
            return repr(e)

def boom(x):
    return x.y + 1
"#;

const USER: &str = "import sys\nsys.path.insert(0, sys.argv[1])\nimport mod_damaged as m\n\
print(m.VALUES, m.f(3), m.K().m(), m.__doc__)\nm.boom(None)\n";

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pylift-bytecode-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(dir.join("mod_damaged.py"), MODULE).expect("write");
    std::fs::write(dir.join("user.py"), USER).expect("write");
    dir
}

fn run(dir: &Path) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_pylift"))
        .arg(dir.join("user.py"))
        .arg(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PYTHONPYCACHEPREFIX")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run pylift");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn damaged_pyc_is_recompiled() {
    let dir = scratch();
    let pyc = dir.join("__pycache__/mod_damaged.pylift-311.pyc");
    let first = run(&dir);
    assert!(first.1.contains("AttributeError"), "unexpected first run: {first:?}");
    let good = std::fs::read(&pyc).expect("the first import writes the .pyc");
    assert_eq!(run(&dir), first, "run from the cache");
    let mut damaged: Vec<Vec<u8>> = Vec::new();
    for len in (0..good.len()).step_by((good.len() / 97).max(1)) {
        damaged.push(good[..len].to_vec());
    }
    for pos in (0..good.len()).step_by((good.len() / 131).max(1)) {
        let mut d = good.clone();
        d[pos] ^= 0x5a;
        damaged.push(d);
    }
    for bad in damaged {
        std::fs::write(&pyc, &bad).expect("write damaged .pyc");
        assert_eq!(run(&dir), first, "damaged .pyc of {} bytes changed the run", bad.len());
        assert_eq!(std::fs::read(&pyc).expect("read .pyc"), good, "damaged .pyc was not rewritten");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
