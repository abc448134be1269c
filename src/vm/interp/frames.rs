//! Frame introspection: frame objects for `sys._getframe` and trace functions, and
//! `locals()` of function frames.

use crate::objects::frame::PyFrameObj;
use crate::objects::none;
use crate::values::Value;
use crate::vm::Vm;

use super::{exceptions, support};

/// The frame object of `vm.frames[idx]` (made on first use; `f_back` is looked up live).
pub fn frame_object_at(vm: &mut Vm, idx: usize) -> Value {
    let Some(f) = vm.frames.get_mut(idx) else { return none() };
    let fo = exceptions::frame_object(f);
    if let Some(p) = fo.payload::<PyFrameObj>() {
        p.depth_hint.set(idx);
    }
    fo
}

/// The frame object of `vm.frames[idx]` with the `f_back` links of the whole chain
/// below it stored, for readers on other threads (`sys._current_frames()`), which
/// cannot look frames up on this thread's stack.
pub fn frame_object_linked(vm: &mut Vm, idx: usize) -> Value {
    let mut below: Option<Value> = None;
    for i in 0..=idx.min(vm.frames.len().saturating_sub(1)) {
        let fo = frame_object_at(vm, i);
        if let Some(p) = fo.payload::<PyFrameObj>() {
            let old = std::mem::replace(&mut *p.back.borrow_mut(), below.take());
            drop(old);
            if let Some(f) = vm.frames.get(i) {
                p.lineno.set(f.line());
                p.lasti.set(f.lasti);
            }
        }
        below = Some(fo);
    }
    below.unwrap_or_else(none)
}

/// `locals()` of the running frame: the locals mapping of module/class frames; for
/// function frames one dict per frame (kept on its frame object, as CPython's
/// `f_locals`), refreshed from the fast locals on every call.
pub fn frame_locals(vm: &mut Vm) -> Value {
    let Some(f) = vm.frames.last_mut() else { return support::new_dict() };
    if let Some(l) = &f.locals {
        return l.clone();
    }
    let idx = vm.frames.len() - 1;
    let fo = frame_object_at(vm, idx);
    crate::vm::trace::frame_locals_of(vm, &fo).unwrap_or_else(|_| support::new_dict())
}
