//! Frame introspection: frame objects for `sys._getframe` (with `f_back` links) and
//! `locals()` of function frames.

use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::none;
use crate::values::Value;
use crate::vm::Vm;

use super::{exceptions, support};

/// The frame object of `vm.frames[idx]`, with `f_back` links to the frames below.
pub fn frame_object_at(vm: &mut Vm, idx: usize) -> Value {
    let mut below: Option<Value> = None;
    for i in 0..=idx.min(vm.frames.len().saturating_sub(1)) {
        let Some(f) = vm.frames.get_mut(i) else { break };
        let fo = exceptions::frame_object(f);
        if let Some(p) = fo.payload::<crate::objects::frame::PyFrameObj>() {
            *p.back.borrow_mut() = below.take();
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
    let fo = exceptions::frame_object(f);
    let Some(p) = fo.payload::<crate::objects::frame::PyFrameObj>() else { return support::new_dict() };
    let existing = p.locals.borrow().clone();
    let d = match existing {
        Some(d) => d,
        None => {
            let d = support::new_dict();
            *p.locals.borrow_mut() = Some(d.clone());
            d
        }
    };
    let Some(dd) = d.payload::<PyDict>() else { return d };
    let code = f.code();
    let nv = code.varnames.len();
    let mut unbound = Vec::new();
    for (i, slot) in f.fast.iter().enumerate() {
        let name = code.localsplus_name(i).clone();
        let val = match slot {
            Some(v) if i >= nv => v.payload::<PyCell>().and_then(|c| c.0.borrow().clone()),
            Some(v) => Some(v.clone()),
            None => None,
        };
        match val {
            Some(v) => dd.set_str(name, v),
            // A deleted or not yet bound local disappears from the snapshot.
            None => unbound.push(name),
        }
    }
    for name in unbound {
        if dd.get_str_value(&name).is_some() {
            let _ = dd.remove(vm, &name);
        }
    }
    d
}
