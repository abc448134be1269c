//! The runtime helpers compiled code calls (`extern "C"`, never unwinding: a panic
//! inside one is caught here, since compiled frames have no unwind information).

use crate::values::Value;

/// Drops the last counted reference of a heap object: compiled code calls this only
/// when the count is 1, after checking the word is a heap pointer.
pub extern "C" fn jit_decref(word: u64) {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: compiled code passes a word it owned a counted reference for (a value
        // from the frame or its stack), which it gives up here.
        drop(unsafe { Value::from_raw(word as usize) });
    });
    // A destructor that panicked leaves the object leaked rather than unwinding into
    // compiled code; there is no caller to report to.
    drop(r);
}
