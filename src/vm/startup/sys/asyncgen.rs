//! The `sys` functions of coroutines and async generators: `set_asyncgen_hooks`/
//! `get_asyncgen_hooks` (asyncio's event loop installs its hooks with them) and
//! `set_coroutine_origin_tracking_depth`/`get_coroutine_origin_tracking_depth` (asyncio's
//! debug mode; `cr_origin`).

use std::cell::RefCell;

use crate::objects::int::new_int;
use crate::objects::none;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{type_error, value_error};
use crate::vm::startup::add_function;
use crate::vm::startup::structseq::{TypeSlot, cached, new_type};
use crate::vm::{Args, PyResult, Vm};

/// Adds this file's functions to the `sys` module dict `d`.
pub fn init(d: &Value) {
    for (name, f) in [
        ("set_asyncgen_hooks", set_asyncgen_hooks as crate::vm::NativeFn),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
        ("set_coroutine_origin_tracking_depth", set_origin_depth),
        ("get_coroutine_origin_tracking_depth", get_origin_depth),
    ] {
        add_function(d, "sys", name, f);
    }
}

/// A hook argument: absent leaves the hook as it is, None clears it, else a callable.
fn hook_arg(vm: &Vm, v: Option<Value>, what: &str) -> PyResult<Option<Option<Value>>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(Some(None)),
        Some(v) if crate::builtins::core::is_callable(vm, &v) => Ok(Some(Some(v))),
        Some(v) => Err(type_error(format!("callable {what} expected, got {}", crate::vm::protocol::type_name(&v)))),
    }
}

fn set_asyncgen_hooks(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("set_asyncgen_hooks", &["firstiter", "finalizer"], 0)?;
    let mut it = a.into_iter();
    let (firstiter, finalizer) = (it.next().flatten(), it.next().flatten());
    // Both are checked before either is set (CPython checks the finalizer first).
    let finalizer = hook_arg(vm, finalizer, "finalizer")?;
    let firstiter = hook_arg(vm, firstiter, "firstiter")?;
    if let Some(f) = finalizer {
        vm.async_hooks.finalizer = f;
    }
    if let Some(f) = firstiter {
        vm.async_hooks.firstiter = f;
    }
    Ok(none())
}

static HOOKS_TYPE: TypeSlot = GilStatic::new(RefCell::new(None));

fn get_asyncgen_hooks(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_asyncgen_hooks")?;
    let cls = cached(&HOOKS_TYPE, |vm| new_type(vm, "builtins", "asyncgen_hooks", &["firstiter", "finalizer"]))(vm)?;
    let h = &vm.async_hooks;
    let items = vec![h.firstiter.clone().unwrap_or_else(none), h.finalizer.clone().unwrap_or_else(none)];
    vm.call_pos(&cls, &[crate::objects::tuple::new_tuple(items)])
}

fn set_origin_depth(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("set_coroutine_origin_tracking_depth", &["depth"], 1)?;
    let d = a[0].clone().ok_or_else(|| type_error("depth is required"))?;
    let d = crate::objects::int::to_i64(&d).ok_or_else(|| {
        type_error(format!("'{}' object cannot be interpreted as an integer", crate::vm::protocol::type_name(&d)))
    })?;
    if d < 0 {
        return Err(value_error("depth must be >= 0"));
    }
    vm.async_hooks.origin_depth = u32::try_from(d).unwrap_or(u32::MAX);
    Ok(none())
}

fn get_origin_depth(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_coroutine_origin_tracking_depth")?;
    Ok(new_int(vm.async_hooks.origin_depth as i64))
}
