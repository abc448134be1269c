//! The `_bisect` module under CPython's `bisect.py`: binary search and insertion over any
//! sequence, with `key=`, comparing with `<` only and in _bisectmodule.c's order.

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::none;
use crate::values::Value;
use crate::vm::errors::value_error;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_bisect", init_bisect);
}

struct Call {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

fn bind(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<Call> {
    let b = args.bind(fname, &["a", "x", "lo", "hi", "key"], 2)?;
    let lo = match &b[2] {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => 0,
    };
    let hi = match b[3].as_ref().filter(|v| !v.is_none()) {
        Some(v) => Some(crate::builtins::posix::int_arg(vm, v)?),
        None => None,
    };
    Ok(Call {
        a: b[0].clone().unwrap_or_else(none),
        x: b[1].clone().unwrap_or_else(none),
        lo,
        hi,
        key: b[4].clone().filter(|k| !k.is_none()),
    })
}

/// The insertion point; `right` picks bisect_right's side of equal items.
fn search(
    vm: &mut Vm,
    a: &Value,
    x: &Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<&Value>,
    right: bool,
) -> PyResult<i64> {
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let mut lo = lo;
    let mut hi = match hi {
        Some(h) => h,
        None => crate::builtins::seq::length(vm, a)? as i64,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = vm.getitem(a, &new_int(mid))?;
        if let Some(k) = key {
            item = vm.call_pos(k, &[item])?;
        }
        let less = if right { vm.compare(x, &item, CmpOp::Lt)? } else { vm.compare(&item, x, CmpOp::Lt)? };
        let less = vm.truthy(&less)?;
        if right == less {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = bind(vm, &args, "bisect_right")?;
    Ok(new_int(search(vm, &c.a, &c.x, c.lo, c.hi, c.key.as_ref(), true)?))
}

fn bisect_left(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = bind(vm, &args, "bisect_left")?;
    Ok(new_int(search(vm, &c.a, &c.x, c.lo, c.hi, c.key.as_ref(), false)?))
}

fn insort(vm: &mut Vm, args: Args<'_>, fname: &str, right: bool) -> PyResult {
    let c = bind(vm, &args, fname)?;
    let probe = match &c.key {
        Some(k) => vm.call_pos(k, &[c.x.clone()])?,
        None => c.x.clone(),
    };
    let i = search(vm, &c.a, &probe, c.lo, c.hi, c.key.as_ref(), right)?;
    // An exact list is inserted into directly; anything else through its insert method.
    if c.a.type_of().is(&crate::objects::types().list) {
        if let Some(l) = c.a.downcast::<PyList>() {
            let mut v = l.0.borrow_mut();
            let at = (i.max(0) as usize).min(v.len());
            v.insert(at, c.x.clone());
            return Ok(none());
        }
    }
    vm.call_method(&c.a, "insert", &[new_int(i), c.x.clone()])?;
    Ok(none())
}

fn insort_right(vm: &mut Vm, args: Args<'_>) -> PyResult {
    insort(vm, args, "insort_right", true)
}

fn insort_left(vm: &mut Vm, args: Args<'_>) -> PyResult {
    insort(vm, args, "insort_left", false)
}

/// `import _bisect`.
pub fn init_bisect(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_bisect");
    let d = module_dict(&m);
    for (name, f) in [
        ("bisect_right", bisect_right as crate::vm::NativeFn),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ] {
        add_function(&d, "_bisect", name, f);
    }
    Ok(m)
}
