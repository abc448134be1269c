//! The JIT's command-line surface that has no CPython 3.11 counterpart to record golden
//! output from: `sys._jit` (CPython 3.14's), `--jit-stats=json:PATH`, `-X jit-dump`,
//! `-X perf`.

use std::process::Command;

fn pylift(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pylift")).args(args).output().expect("run pylift");
    let (o, e) = (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "status {:?}\nstdout:\n{o}\nstderr:\n{e}", out.status);
    (o, e)
}

const ACTIVE: &str = r#"
import sys
def hot(n):
    seen = t = 0
    for i in range(n):
        t = (t + i * 3) % 1000 - (i & 7)
        if i % 100 == 0:
            seen += sys._jit.is_active()
    return seen
print(sys._jit.is_available(), sys._jit.is_enabled(), hot(2000) > 0)
"#;

#[test]
fn sys_jit_reports_the_mode() {
    assert_eq!(pylift(&["--no-jit", "-c", ACTIVE]).0, "True False False\n");
    assert_eq!(pylift(&["-X", "nojit", "-c", ACTIVE]).0, "True False False\n");
    assert_eq!(pylift(&["--jit=all", "-c", ACTIVE]).0, "True True True\n");
    assert_eq!(pylift(&["-c", ACTIVE]).0, "True True True\n");
}

#[test]
fn jit_stats_json_has_the_documented_keys() {
    let path = std::env::temp_dir().join(format!("pylift-jit-stats-{}.json", std::process::id()));
    let arg = format!("--jit-stats=json:{}", path.display());
    pylift(&[&arg, "-c", ACTIVE]);
    let json = std::fs::read_to_string(&path).expect("stats written");
    let _ = std::fs::remove_file(&path);
    for key in ["compiled", "failed", "invalidated", "osr_entries", "deopts", "compile_us_total", "native_share"] {
        assert!(json.contains(&format!("\"{key}\":")), "{key} missing in {json}");
    }
    for key in ["function", "file", "line", "compile_us", "code_bytes", "guards"] {
        assert!(json.contains(&format!("\"{key}\":")), "compiled.{key} missing in {json}");
    }
}

#[test]
fn jit_dump_shows_bytecode_ir_and_machine_code() {
    let (_, err) = pylift(&["--jit=all", "-X", "jit-dump", "-c", "def f(a):\n    return a + 1\nf(2)\n"]);
    let at = err.find("── JIT dump: f (").expect("f dumped");
    let f = &err[at..];
    for part in ["Disassembly of <code f>", "── Cranelift IR ──", "function u0:", "── machine code ("] {
        assert!(f.contains(part), "{part} missing in:\n{f}");
    }
}

#[test]
fn x_perf_writes_the_perf_map() {
    let child = Command::new(env!("CARGO_BIN_EXE_pylift"))
        .args(["-X", "perf", "--jit=all", "-c", ACTIVE])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run pylift");
    let pid = child.id();
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let path = format!("/tmp/perf-{pid}.map");
    let map = std::fs::read_to_string(&path).expect("map written");
    let _ = std::fs::remove_file(&path);
    let line = map.lines().find(|l| l.contains("py::hot:<string>:3")).unwrap_or_else(|| panic!("hot missing: {map}"));
    let mut parts = line.splitn(3, ' ');
    let (addr, size) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    assert!(u64::from_str_radix(addr, 16).is_ok_and(|a| a > 0), "{line}");
    assert!(u64::from_str_radix(size, 16).is_ok_and(|s| s > 0), "{line}");
}

/// A loop of big-int arithmetic would be all interpreter steps: by default it is left to
/// the interpreter (and `--jit-stats` says why), while `--jit=all` still compiles it.
const BIG_INTS: &str = r#"
import sys
def spin(n):
    a, b = 10 ** 30, 3 ** 40
    for _ in range(n):
        a, b = b * 7 + a // 3, a - b % 11
    return sys._jit.is_active(), a % 1000
print(spin(3000))
"#;

#[test]
fn mostly_stepped_code_stays_interpreted() {
    let (out, err) = pylift(&["--jit-stats", "-c", BIG_INTS]);
    assert!(out.starts_with("(False,"), "{out}");
    assert!(err.contains("slower than interpreting"), "{err}");
    let (out, _) = pylift(&["--jit=all", "-c", BIG_INTS]);
    assert!(out.starts_with("(True,"), "{out}");
}
