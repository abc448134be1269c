//! The interactive prompt driven at a pseudo-terminal by `tests/repl_pty.py` (python3's pty).

use std::process::Command;

#[test]
fn interactive_prompt_at_a_terminal() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/repl_pty.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_pylift"))
        .output()
        .expect("python3 runs the pty driver");
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
