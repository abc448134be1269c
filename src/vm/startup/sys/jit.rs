//! `sys._jit` (as CPython 3.14 has it): is a JIT built in, switched on, and running the
//! caller's code right now?

use crate::objects::py_bool;
use crate::values::Value;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// Adds `sys._jit` to the `sys` dict `d`.
pub fn init(d: &Value) {
    let m = new_module("sys._jit");
    let md = module_dict(&m);
    for (name, f) in
        [("is_available", is_available as crate::vm::NativeFn), ("is_enabled", is_enabled), ("is_active", is_active)]
    {
        add_function(&md, "sys._jit", name, f);
    }
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(crate::objects::str::new_str("_jit"), m);
    }
}

/// pylift always has its JIT.
fn is_available(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(py_bool(true))
}

/// Not `--no-jit` / `-X nojit`.
fn is_enabled(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(py_bool(crate::jit::is_enabled()))
}

/// Is the calling frame running compiled code (which called this through the
/// interpreter)?
fn is_active(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(py_bool(vm.frames.last().is_some_and(|f| f.jit_running)))
}
