//! The runtime helpers compiled code calls (`extern "C"`, never unwinding: a panic
//! inside one is caught here, since compiled frames have no unwind information).

use std::mem::ManuallyDrop;

use crate::objects::iter::PyNativeIter;
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

/// `jit_iter_next`'s answer when the iterator needs the interpreter (a word no value
/// has: not a small int, not 8-aligned).
pub const ITER_NEEDS_VM: u64 = 2;

/// One step of a native iterator (range, list, tuple) for a compiled `ForIter`: the
/// next item (a counted reference), 0 when exhausted, or `ITER_NEEDS_VM`.
pub extern "C" fn jit_iter_next(iter: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: `iter` is a live value compiled code holds a reference to; it is only
        // borrowed here (`ManuallyDrop`: no decrement).
        let it = ManuallyDrop::new(unsafe { Value::from_raw(iter as usize) });
        let Some(ni) = it.payload::<PyNativeIter>() else { return ITER_NEEDS_VM };
        let Ok(mut b) = ni.0.try_borrow_mut() else { return ITER_NEEDS_VM };
        match b.next_native() {
            None => ITER_NEEDS_VM,
            Some(None) => 0,
            Some(Some(v)) => v.into_raw() as u64,
        }
    });
    r.unwrap_or(ITER_NEEDS_VM)
}
