//! The standard streams: `sys.stdin`, `sys.stdout`, `sys.stderr` and their `__std*__`
//! originals.

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, new_file};
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::Vm;

/// Creates the three streams in the sys dict `d`.
pub fn init_std_streams(_vm: &mut Vm, d: &Value) {
    let stdin = new_file(FileBackend::Stdin, "<stdin>", "r", false);
    let stdout = new_file(FileBackend::Stdout, "<stdout>", "w", false);
    let stderr = new_file(FileBackend::Stderr, "<stderr>", "w", false);
    if let Some(dd) = d.payload::<PyDict>() {
        for (name, v) in [
            ("stdin", &stdin),
            ("stdout", &stdout),
            ("stderr", &stderr),
            ("__stdin__", &stdin),
            ("__stdout__", &stdout),
            ("__stderr__", &stderr),
        ] {
            dd.set_str(new_str(name), v.clone());
        }
    }
}
