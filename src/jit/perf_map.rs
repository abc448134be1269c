//! `-X perf`: the Linux `perf` JIT map, so compiled functions appear by name in
//! `perf report` (perf reads `/tmp/perf-PID.map`: one `START SIZE NAME` line, in hex,
//! per piece of code, as CPython 3.12's `-X perf` writes it).

use std::cell::RefCell;
use std::io::Write;

use crate::values::gil::GilStatic;

/// The open map file (`None`: `-X perf` is off, or the file could not be created).
static MAP: GilStatic<RefCell<Option<std::fs::File>>> = GilStatic::new(RefCell::new(None));

/// `-X perf`: creates (or truncates) this process's map file.
pub fn enable() {
    let path = format!("/tmp/perf-{}.map", std::process::id());
    // Profiling is an aid: a map that cannot be written leaves the run as it is.
    *MAP.borrow_mut() = std::fs::File::create(path).ok();
}

/// Records the compiled code of one function.
pub fn record(addr: usize, size: u32, name: &str, file: &str, line: u32) {
    if let Some(f) = MAP.borrow_mut().as_mut() {
        // perf reads the map when it reports, after the run: nothing to do on failure.
        let _ = writeln!(f, "{addr:x} {size:x} py::{name}:{file}:{line}");
    }
}
