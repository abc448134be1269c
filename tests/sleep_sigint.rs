//! Ctrl-C (SIGINT) interrupts `time.sleep` in the main thread promptly with
//! KeyboardInterrupt, as in CPython (a golden test cannot send signals: no `os.kill`).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn sigint_interrupts_sleep() {
    let script = "import time\nprint('sleeping', flush=True)\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('interrupted')\n";
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_pylift"))
        .args(["-c", script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pylift");
    // Give it time to start sleeping (the signal handler is installed at start-up).
    std::thread::sleep(Duration::from_millis(1500));
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout, "sleeping\ninterrupted\n", "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(10), "sleep was not interrupted promptly");
}
