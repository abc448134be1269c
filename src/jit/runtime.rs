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

/// `container[key]` for a list or tuple and a small int index in range: the item (a
/// counted reference), or `DECLINED` (anything else: the interpreter does it).
pub extern "C" fn jit_subscr(container: u64, key: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: live values compiled code holds references to, only borrowed here.
        let (c, k) = unsafe {
            (ManuallyDrop::new(Value::from_raw(container as usize)), ManuallyDrop::new(Value::from_raw(key as usize)))
        };
        match crate::vm::interp::fast_subscr(&c, &k) {
            Some(v) => v.into_raw() as u64,
            None => DECLINED,
        }
    });
    r.unwrap_or(DECLINED)
}

/// `container[key] = value` for an exact list and a small int index in range: 1, or
/// `DECLINED` having done nothing. The list takes a new reference to `value`.
pub extern "C" fn jit_store_subscr(container: u64, key: u64, value: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: live values compiled code holds references to, only borrowed here.
        let (c, k, v) = unsafe {
            (
                ManuallyDrop::new(Value::from_raw(container as usize)),
                ManuallyDrop::new(Value::from_raw(key as usize)),
                ManuallyDrop::new(Value::from_raw(value as usize)),
            )
        };
        match crate::vm::interp::fast_store_subscr(&c, &k, Value::clone(&v)) {
            Ok(()) => 1,
            Err(v) => {
                drop(v);
                DECLINED
            }
        }
    });
    r.unwrap_or(DECLINED)
}

/// A helper's answer when the interpreter must do the work (a word no value has: not a
/// small int, not 8-aligned); the helper did nothing.
pub const DECLINED: u64 = 2;

/// One step of a native iterator (range, list, tuple) for a compiled `ForIter`: the
/// next item (a counted reference), 0 when exhausted, or `DECLINED`.
pub extern "C" fn jit_iter_next(iter: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: `iter` is a live value compiled code holds a reference to; it is only
        // borrowed here (`ManuallyDrop`: no decrement).
        let it = ManuallyDrop::new(unsafe { Value::from_raw(iter as usize) });
        let Some(ni) = it.payload::<PyNativeIter>() else { return DECLINED };
        let Ok(mut b) = ni.0.try_borrow_mut() else { return DECLINED };
        match b.next_native() {
            None => DECLINED,
            Some(None) => 0,
            Some(Some(v)) => v.into_raw() as u64,
        }
    });
    r.unwrap_or(DECLINED)
}
