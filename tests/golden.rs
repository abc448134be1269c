//! Golden-output tests: runs every program under `jit-tests/` and compares
//! stdout / stderr / exit code with the files recorded from CPython 3.11 by
//! `jit-tests/regen.py`.
//!
//! Conventions (shared with regen.py):
//! * tests are `jit-tests/<area>/<name>.py`; any path component starting with
//!   `_` or `mod_` is a helper module, not a test; top-level files are tooling.
//! * `<name>.out` expected stdout, `<name>.err` expected stderr (absent = must
//!   be empty), `<name>.code` expected exit code (absent = 0; -N = killed by
//!   signal N, e.g. -2 for an uncaught KeyboardInterrupt).
//! * `<name>.in` is fed as stdin (otherwise /dev/null); `<name>.args` holds
//!   extra command-line arguments, one per line.
//! * the program runs with cwd `jit-tests/` and its relative path as argv[1].
//! * every occurrence of the absolute `jit-tests/` path prefix is removed from
//!   stdout and stderr before comparing (CPython puts the absolute script path
//!   in tracebacks), so expected tracebacks read `File "basics/arith.py"`.
//!
//! * `<name>.mask` lists regular expressions (one a line, `#` comments) whose
//!   matches in stdout and stderr become `<masked>` on both sides: for output
//!   that may differ between machines and implementations (paths, timings).
//!
//! Environment knobs:
//! * `PYLIFT_BIN`            binary to run (default: the crate's `pylift`).
//! * `PYLIFT_NO_MODE_FLAGS=1` with `PYLIFT_BIN`: reference mode, for validating
//!   the harness against `python3`: no mode flags, and xfail.txt is not applied.
//! * `PYLIFT_IGNORE_XFAIL=1`  treat every test as expected to pass.
//! * `PYLIFT_MODES`          comma list of modes (default: all three).
//! * `PYLIFT_UPDATE_XFAIL=1` rewrite `jit-tests/xfail.txt` to the failing set.
//! * `PYLIFT_TEST_TIMEOUT`   per-test timeout in seconds (default 30).

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::{BTreeSet, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MODES: &[(&str, &[&str])] =
    &[("interp", &["--no-jit"]), ("jit-all", &["--jit=all"]), ("deopt-stress", &["--jit=deopt-stress"])];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("jit-tests")
}

fn is_helper(component: &str) -> bool {
    component.starts_with('_') || component.starts_with("mod_")
}

/// All test paths relative to jit-tests/, without the `.py` suffix, sorted.
fn discover(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_helper(&name) || name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let child_rel = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if path.is_dir() {
            discover(&path, &child_rel, out);
        } else if !rel.is_empty() {
            // top-level files (regen.py, xfail.txt) are tooling, not tests
            if let Some(stem) = child_rel.strip_suffix(".py") {
                out.push(stem.to_string());
            }
        }
    }
}

fn read_xfail(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.strip_suffix(".py").unwrap_or(l).to_string())
        .collect()
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: Option<i32>,
    timed_out: bool,
}

fn run_program(bin: &Path, flags: &[String], test: &str, timeout: Duration) -> Result<Outcome, String> {
    let dir = root();
    let script = format!("{test}.py");
    let mut cmd = Command::new(bin);
    cmd.current_dir(&dir).args(flags);
    // `<test>.flags`: interpreter options (`-m`, `-u`, ...), one a line, before the script.
    // With `-m` the last line names the module and the script is not passed.
    let flags_file = dir.join(format!("{test}.flags"));
    let extra: Vec<String> = std::fs::read_to_string(&flags_file)
        .map(|t| t.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    let module = extra.iter().any(|l| l == "-m");
    cmd.args(&extra);
    if !module {
        cmd.arg(&script);
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONWARNINGS")
        .env_remove("PYTHONUNBUFFERED")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let args_file = dir.join(format!("{test}.args"));
    if let Ok(text) = std::fs::read_to_string(&args_file) {
        cmd.args(text.lines());
    }
    let in_file = dir.join(format!("{test}.in"));
    if in_file.exists() {
        let f = std::fs::File::open(&in_file).map_err(|e| format!("open {}: {e}", in_file.display()))?;
        cmd.stdin(Stdio::from(f));
    } else {
        cmd.stdin(Stdio::null());
    }
    {
        // own process group, so a timeout can kill any children too
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| format!("cannot spawn {}: {e}", bin.display()))?;
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(st) => break st,
            None if start.elapsed() > timeout => {
                timed_out = true;
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    Ok(Outcome {
        stdout: normalize(t_out.join().unwrap_or_default()),
        stderr: normalize(t_err.join().unwrap_or_default()),
        // like Python's subprocess: death by signal N is reported as -N
        code: status.code().or_else(|| {
            use std::os::unix::process::ExitStatusExt;
            status.signal().map(|s| -s)
        }),
        timed_out,
    })
}

/// Remove the machine-specific absolute path of jit-tests/ (see the header).
fn normalize(data: Vec<u8>) -> Vec<u8> {
    let mut prefixes = vec![format!("{}/", root().display())];
    if let Ok(real) = root().canonicalize() {
        let real = format!("{}/", real.display());
        if !prefixes.contains(&real) {
            prefixes.push(real);
        }
    }
    let mut data = data;
    for p in prefixes {
        let p = p.as_bytes();
        if p.len() > data.len() {
            continue;
        }
        let mut out = Vec::with_capacity(data.len());
        let mut i = 0;
        while i < data.len() {
            if data[i..].starts_with(p) {
                i += p.len();
            } else {
                out.push(data[i]);
                i += 1;
            }
        }
        data = out;
    }
    data
}

/// A short line diff: the first differing line with a little context.
fn diff(what: &str, expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let mut s = format!("{what} differs at line {} (expected {} lines, got {}):\n", first + 1, e.len(), a.len());
    let ctx = first.saturating_sub(2);
    for l in &e[ctx..first] {
        s += &format!("   {}", show(l));
    }
    const MAX: usize = 8;
    for l in e.iter().skip(first).take(MAX) {
        s += &format!(" - {}", show(l));
    }
    if e.len() > first + MAX {
        s += &format!(" - ... ({} more)\n", e.len() - first - MAX);
    }
    for l in a.iter().skip(first).take(MAX) {
        s += &format!(" + {}", show(l));
    }
    if a.len() > first + MAX {
        s += &format!(" + ... ({} more)\n", a.len() - first - MAX);
    }
    s
}

fn show(line: &str) -> String {
    let mut l: String = line.chars().take(200).collect();
    if l.len() < line.len() && !l.ends_with('\n') {
        l += "…";
    }
    if !l.ends_with('\n') {
        l += "⏎(no newline)\n";
    }
    l
}

/// The test's `.mask` patterns (see the header); a bad pattern is an error of the test.
fn read_masks(test: &str) -> Result<Vec<regex::bytes::Regex>, String> {
    let Ok(text) = std::fs::read_to_string(root().join(format!("{test}.mask"))) else { return Ok(Vec::new()) };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| regex::bytes::Regex::new(l).map_err(|e| format!("{test}.mask: {e}")))
        .collect()
}

fn mask(data: Vec<u8>, masks: &[regex::bytes::Regex]) -> Vec<u8> {
    masks.iter().fold(data, |d, m| m.replace_all(&d, &b"<masked>"[..]).into_owned())
}

fn check(bin: &Path, flags: &[String], test: &str, timeout: Duration) -> Result<(), String> {
    let dir = root();
    let masks = read_masks(test)?;
    let mut out = run_program(bin, flags, test, timeout)?;
    out.stdout = mask(std::mem::take(&mut out.stdout), &masks);
    out.stderr = mask(std::mem::take(&mut out.stderr), &masks);
    if out.timed_out {
        return Err(format!("timed out after {}s", timeout.as_secs()));
    }
    let mut problems = Vec::new();
    let exp_code: i32 =
        std::fs::read_to_string(dir.join(format!("{test}.code"))).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    match out.code {
        Some(c) if c == exp_code => {}
        Some(c) => problems.push(format!("exit code: expected {exp_code}, got {c}")),
        None => problems.push(format!("exit code: expected {exp_code}, got no status")),
    }
    let exp_out = std::fs::read(dir.join(format!("{test}.out"))).unwrap_or_default();
    if exp_out != out.stdout {
        problems.push(diff("stdout", &String::from_utf8_lossy(&exp_out), &String::from_utf8_lossy(&out.stdout)));
    }
    let exp_err = std::fs::read(dir.join(format!("{test}.err"))).unwrap_or_default();
    if exp_err != out.stderr {
        problems.push(diff("stderr", &String::from_utf8_lossy(&exp_err), &String::from_utf8_lossy(&out.stderr)));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}

fn main() {
    let args = Arguments::from_args();
    let custom_bin = std::env::var_os("PYLIFT_BIN").map(PathBuf::from);
    let no_mode_flags = custom_bin.is_some() && std::env::var("PYLIFT_NO_MODE_FLAGS").as_deref() == Ok("1");
    let bin = Arc::new(custom_bin.unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_pylift"))));
    let update = std::env::var("PYLIFT_UPDATE_XFAIL").as_deref() == Ok("1");
    let timeout =
        Duration::from_secs(std::env::var("PYLIFT_TEST_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(30));
    let modes: Vec<String> = std::env::var("PYLIFT_MODES")
        .unwrap_or_else(|_| "interp,jit-all,deopt-stress".into())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    for m in &modes {
        if !MODES.iter().any(|(n, _)| n == m) {
            eprintln!("unknown mode {m:?} in PYLIFT_MODES; known: interp, jit-all, deopt-stress");
            std::process::exit(2);
        }
    }
    let multi = modes.len() > 1;

    let xfail_path = root().join("xfail.txt");
    // Reference mode (PYLIFT_BIN + PYLIFT_NO_MODE_FLAGS, e.g. python3): the xfail list
    // describes pylift, so it is not applied and must not be rewritten.
    let ignore_xfail = no_mode_flags || std::env::var("PYLIFT_IGNORE_XFAIL").as_deref() == Ok("1");
    if update && no_mode_flags {
        eprintln!("PYLIFT_UPDATE_XFAIL=1 cannot be combined with PYLIFT_NO_MODE_FLAGS=1 (reference mode)");
        std::process::exit(2);
    }
    let xfail = Arc::new(if ignore_xfail { BTreeSet::new() } else { read_xfail(&xfail_path) });
    let mut tests = Vec::new();
    discover(&root(), "", &mut tests);

    // (name, failed) for every trial that actually ran; used by PYLIFT_UPDATE_XFAIL.
    let results: Arc<Mutex<Vec<(String, String, bool)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut trials = Vec::new();
    for mode in &modes {
        let flags: Vec<String> = if no_mode_flags {
            Vec::new()
        } else {
            MODES.iter().find(|(n, _)| n == mode).unwrap().1.iter().map(|s| s.to_string()).collect()
        };
        for test in &tests {
            let name = if multi { format!("{mode}::{test}") } else { test.clone() };
            let expect_fail = xfail.contains(test.as_str()) || xfail.contains(&format!("{mode}::{test}"));
            let (bin, flags, test, mode) = (bin.clone(), flags.clone(), test.clone(), mode.clone());
            let results = results.clone();
            let kind = if expect_fail { "xfail" } else { "" };
            trials.push(
                Trial::test(name, move || {
                    let res = check(&bin, &flags, &test, timeout);
                    results.lock().unwrap().push((mode, test, res.is_err()));
                    if update {
                        return Ok(()); // only recording; the list is rewritten below
                    }
                    match (res, expect_fail) {
                        (Ok(()), false) => Ok(()),
                        (Err(msg), false) => Err(Failed::from(msg)),
                        (Err(_), true) => Ok(()), // expected failure
                        (Ok(()), true) => Err(Failed::from("unexpected pass: remove from jit-tests/xfail.txt")),
                    }
                })
                .with_kind(kind),
            );
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);

    if update {
        let results = results.lock().unwrap();
        let ran: HashSet<&str> = results.iter().map(|(_, t, _)| t.as_str()).collect();
        // keep entries of existing tests that did not run here (filtered out, or
        // qualified with a mode that is not enabled in this run)
        let mut new: BTreeSet<String> = xfail
            .iter()
            .filter(|e| {
                let (mode, path) = match e.split_once("::") {
                    Some((m, p)) => (Some(m), p),
                    None => (None, e.as_str()),
                };
                let mode_ran = mode.is_none_or(|m| modes.iter().any(|x| x == m));
                tests.iter().any(|t| t == path) && !(ran.contains(path) && mode_ran)
            })
            .cloned()
            .collect();
        for test in &ran {
            let per: Vec<&(String, String, bool)> = results.iter().filter(|(_, t, _)| t == test).collect();
            if per.iter().all(|(_, _, failed)| *failed) {
                new.insert(test.to_string());
            } else {
                for (mode, _, failed) in per {
                    if *failed {
                        new.insert(format!("{mode}::{test}"));
                    }
                }
            }
        }
        let mut text = String::from(
            "# Expected failures of the golden tests (tests/golden.rs), one test path per line.\n\
             # `path` = fails in every mode; `mode::path` = fails only in that mode.\n\
             # An xfail test that passes fails the run (\"unexpected pass\"), so this list only shrinks.\n\
             # Regenerate: PYLIFT_UPDATE_XFAIL=1 cargo test --release --test golden\n",
        );
        for e in &new {
            text += e;
            text += "\n";
        }
        std::fs::write(&xfail_path, text).expect("write xfail.txt");
        let failing = results.iter().filter(|(_, _, failed)| *failed).count();
        eprintln!(
            "PYLIFT_UPDATE_XFAIL: {failing} of {} trials failed; wrote {} entries to {}",
            results.len(),
            new.len(),
            xfail_path.display()
        );
        std::process::exit(0);
    }
    let results = results.lock().unwrap();
    let xfailed = results
        .iter()
        .filter(|(m, t, failed)| *failed && (xfail.contains(t.as_str()) || xfail.contains(&format!("{m}::{t}"))))
        .count();
    if xfailed > 0 {
        eprintln!("note: {xfailed} of {} trials are expected failures listed in jit-tests/xfail.txt", results.len());
    }
    drop(results);
    conclusion.exit();
}
