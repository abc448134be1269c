//! Command-line options that golden tests cannot express (a directory as the script,
//! option errors, the help texts), each run under pylift and python3 (the oracle) in a
//! scratch directory: stdout, stderr and exit status must agree, with the program's own
//! path written as `PROG` in both.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch directory with a package-less `__main__` directory and a plain one.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pylift-cli-options-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("app")).expect("scratch dir");
    std::fs::create_dir_all(dir.join("nomain")).expect("scratch dir");
    std::fs::write(
        dir.join("app/__main__.py"),
        "import sys\nprint('app main', sys.argv, __name__, sys.path[0])\nimport helper\n",
    )
    .expect("write");
    std::fs::write(dir.join("app/helper.py"), "print('helper found next to __main__')\n").expect("write");
    std::fs::write(dir.join("nomain/other.py"), "print('never')\n").expect("write");
    dir
}

/// (stdout, stderr, status) of `prog args` in `dir`, with `prog`'s path replaced.
fn run(prog: &str, dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(prog)
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONUNBUFFERED")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("run {prog}: {e}"));
    let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(prog, "PROG");
    (clean(&out.stdout), clean(&out.stderr), out.status.code())
}

fn python3() -> Option<String> {
    let out = Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned()).filter(|p| !p.is_empty())
}

#[test]
fn options_behave_as_cpythons() {
    let Some(cpython) = python3() else {
        eprintln!("python3 not found: skipped");
        return;
    };
    let dir = scratch();
    let pylift = env!("CARGO_BIN_EXE_pylift");
    let cases: &[&[&str]] = &[
        &["app", "a", "b"],
        &["-P", "app"],
        &["-I", "app"],
        &["nomain"],
        &["--help-env"],
        &["--help-xoptions"],
        &["--check-hash-based-pycs", "always", "-c", "print(1)"],
        &["--check-hash-based-pycs", "sometimes", "-c", "print(1)"],
        &["--check-hash-based-pycs"],
        &["-Z"],
        &["--unknown"],
        &["-c"],
        &["-m"],
        &["-X"],
        &["-W"],
        &["-O", "-c", "import sys; assert 0; print(__debug__, sys.flags.optimize)"],
        &["-OO", "-c", "import sys; print(sys.flags.optimize)"],
        &["-q", "-c", "import sys; print(sys.flags.quiet)"],
        &["-i", "-c", "x = 1"],
        &["-V"],
        &["--version"],
        &["no_such_script.py"],
    ];
    let mut failures = Vec::new();
    for args in cases {
        let want = run(&cpython, &dir, args);
        let got = run(pylift, &dir, args);
        if want != got {
            failures.push(format!("{args:?}\n  python3: {want:?}\n  pylift:  {got:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "differences from python3:\n{}", failures.join("\n"));
}
