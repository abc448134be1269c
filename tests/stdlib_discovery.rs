//! Finding CPython's standard library at start-up (it differs per machine, so it cannot be
//! a golden test): `PYLIFT_STDLIB` and `-X stdlib=DIR` override the build-time path, a
//! directory without the `os.py` landmark is reported on stderr with the place searched,
//! and `-E`/`-I` ignore `PYLIFT_STDLIB` as CPython ignores PYTHON* variables.

use std::process::Command;

fn pylift(args: &[&str], stdlib_env: Option<&str>) -> (String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pylift"));
    c.args(args).env_remove("PYLIFT_STDLIB");
    if let Some(v) = stdlib_env {
        c.env("PYLIFT_STDLIB", v);
    }
    let out = c.output().expect("run pylift");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

const SHOW: &str =
    "import sys; print(sys._stdlib_dir in sys.path, sys.path.index(sys._stdlib_dir) == len(sys.path) - 1)";

#[test]
fn default_discovery_puts_stdlib_last() {
    let (out, err) = pylift(&["-c", SHOW], None);
    assert_eq!(err, "", "no warning when the build-time stdlib exists");
    assert_eq!(out.trim(), "True True");
}

#[test]
fn env_override_without_landmark_is_reported() {
    let dir = std::env::temp_dir().join(format!("pylift-no-stdlib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let d = dir.to_string_lossy().into_owned();
    let (out, err) = pylift(&["-c", "print('ran')"], Some(&d));
    assert_eq!(out.trim(), "ran");
    assert!(err.contains("could not find CPython 3.11's standard library"), "stderr: {err}");
    assert!(err.contains(&format!("{d}/os.py")), "names the place searched: {err}");
    // -E and -I ignore the variable, so the build-time library is used again.
    for flag in ["-E", "-I"] {
        let (out, err) = pylift(&[flag, "-c", SHOW], Some(&d));
        assert_eq!(err, "", "{flag}");
        assert_eq!(out.trim(), "True True", "{flag}");
    }
    let _ = std::fs::remove_dir(&dir);
}

#[test]
fn xoption_override_wins_over_env() {
    let (real, _) = pylift(&["-c", "import sys; print(sys._stdlib_dir)"], None);
    let real = real.trim().to_owned();
    let arg = format!("stdlib={real}");
    let (out, err) = pylift(
        &["-X", &arg, "-c", "import sys, argparse; print(sys._stdlib_dir == argparse.__file__.rsplit('/', 1)[0])"],
        Some("/nonexistent"),
    );
    assert_eq!(err, "");
    assert_eq!(out.trim(), "True");
    let (_, err) = pylift(&["-X", "stdlib=/nonexistent", "-c", "pass"], None);
    assert!(err.contains("/nonexistent/os.py"), "stderr: {err}");
}
