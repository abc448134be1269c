//! The `_thread` module (OS threads, locks, idents) and the thread-related `sys`
//! functions (`_current_frames`, `getswitchinterval`/`setswitchinterval`). `threading` is
//! Python source over it (`lib/threading.py`).

use std::sync::atomic::Ordering;

use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::new_int;
use crate::objects::lock::{TIMEOUT_MAX, lock_type, new_lock, rlock_type};
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::values::gil;
use crate::values::layout::{BREAK_SIGNAL, EVAL_BREAKER};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::thread::{STACK_SIZE, start_new_thread, thread_count};
use crate::vm::{Args, NativeFn, PyResult, Vm};

/// Registers `_thread` with the importer (`threading` is `lib/threading.py`).
pub fn register() {
    crate::vm::interp::register_native("_thread", init_thread);
}

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

/// Adds `_current_frames`, `getswitchinterval`, `setswitchinterval` to `sys`.
pub fn init_sys(d: &Value) {
    for (name, f) in [
        ("_current_frames", sys_current_frames as NativeFn),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_setswitchinterval),
    ] {
        add_function(d, "sys", name, f);
    }
}

fn sys_current_frames(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_current_frames")?;
    Ok(vm.current_frames())
}

fn sys_getswitchinterval(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("getswitchinterval")?;
    Ok(new_float(gil::switch_interval()))
}

fn sys_setswitchinterval(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("setswitchinterval")?;
    let secs = to_f64(v)?;
    if secs <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    gil::set_switch_interval(secs);
    Ok(none())
}

fn to_f64(v: &Value) -> PyResult<f64> {
    match (v.as_float(), crate::objects::int::to_i64(v)) {
        (Some(f), _) => Ok(f),
        (None, Some(i)) => Ok(i as f64),
        _ => Err(type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

fn init_thread(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_thread");
    let d = module_dict(&m);
    for (name, f) in [
        ("start_new_thread", t_start as NativeFn),
        ("start_new", t_start),
        ("allocate_lock", t_allocate),
        ("allocate", t_allocate),
        ("get_ident", t_get_ident),
        ("get_native_id", t_get_native_id),
        ("_count", t_count),
        ("stack_size", t_stack_size),
        ("exit", t_exit),
        ("exit_thread", t_exit),
        ("interrupt_main", t_interrupt_main),
        ("_set_sentinel", t_set_sentinel),
        ("_local_key", t_local_key),
    ] {
        add_function(&d, "_thread", name, f);
    }
    set(&d, "LockType", lock_type().clone());
    set(&d, "RLock", rlock_type().clone());
    set(&d, "error", exc().runtime_error.clone());
    set(&d, "TIMEOUT_MAX", new_float(TIMEOUT_MAX));
    Ok(m)
}

fn t_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("start_new_thread")?;
    let p = args.pos();
    if p.len() < 2 || p.len() > 3 {
        return Err(type_error(format!("start_new_thread expected at least 2 arguments, got {}", p.len())));
    }
    let func = p[0].clone();
    if !crate::builtins::core::is_callable(vm, &func) {
        return Err(type_error("first arg must be callable"));
    }
    let Some(a) = p[1].as_tuple() else { return Err(type_error("2nd arg must be a tuple")) };
    let a = a.to_vec();
    let mut kwargs = Vec::new();
    if let Some(k) = p.get(2) {
        let Some(kd) = k.downcast::<PyDict>() else { return Err(type_error("optional 3rd arg must be a dictionary")) };
        for (key, val) in kd.items() {
            if key.as_str().is_none() {
                return Err(type_error("keywords must be strings"));
            }
            kwargs.push((key, val));
        }
    }
    let ident = start_new_thread(vm, func, a, kwargs)?;
    Ok(new_int(ident as i64))
}

fn t_allocate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("allocate_lock")?;
    Ok(new_lock())
}

fn t_get_ident(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_ident")?;
    Ok(new_int(vm.thread.ident as i64))
}

fn t_get_native_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_native_id")?;
    Ok(new_int(vm.thread.ident as i64))
}

fn t_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_count")?;
    Ok(new_int(thread_count() as i64))
}

fn t_stack_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("stack_size", 0, 1)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = a.first() {
        let Some(n) = crate::objects::int::to_i64(v) else {
            return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
        };
        if n != 0 && n < 32768 {
            return Err(value_error(format!("size not valid: {n} bytes")));
        }
        STACK_SIZE.store(n.max(0) as usize, Ordering::Relaxed);
    }
    Ok(new_int(old as i64))
}

fn t_exit(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::bare(&exc().system_exit))
}

fn t_interrupt_main(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    EVAL_BREAKER.fetch_or(BREAK_SIGNAL, Ordering::Relaxed);
    Ok(none())
}

/// pylift's own: a number unique to this thread state for the life of the process
/// (`threading.local` keys its per-thread dicts by it, so a reused ident never sees a dead
/// thread's attributes).
fn t_local_key(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_local_key")?;
    Ok(new_int(vm.thread.serial as i64))
}

fn t_set_sentinel(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_set_sentinel")?;
    let l = new_lock();
    vm.set_sentinel(l.clone());
    Ok(l)
}
