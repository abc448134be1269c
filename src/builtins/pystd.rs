//! Standard-library modules written in Python and compiled at first import:
//! `itertools`, `contextlib` and `string` (their semantics are the documented pure-Python
//! equivalents; speed is the JIT's business).

use crate::compiler::{self, Mode};
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::startup::{module_dict, new_module};
use crate::vm::{PyResult, Vm};

const ITERTOOLS: &str = include_str!("pystd/itertools.py");
const CONTEXTLIB: &str = include_str!("pystd/contextlib.py");
const STRING: &str = include_str!("pystd/string.py");

/// Registers the modules with the importer.
pub fn register() {
    if let Ok(mut t) = crate::vm::interp::NATIVE_MODULES.lock() {
        for (name, f) in [
            ("itertools", init_itertools as crate::vm::interp::NativeModuleInit),
            ("contextlib", init_contextlib),
            ("string", init_string),
            ("traceback", crate::vm::traceback::init_traceback_module),
        ] {
            if !t.iter().any(|(n, _)| *n == name) {
                t.push((name, f));
            }
        }
    }
}

fn run_py_module(vm: &mut Vm, name: &str, src: &str) -> PyResult<Value> {
    let m = new_module(name);
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__builtins__"), vm.builtins_module.clone());
    }
    // Registered first, as the importer does for source modules (cycles see it).
    if let Some(mods) = vm.modules.payload::<PyDict>() {
        mods.set_str(new_str(name), m.clone());
    }
    let filename = format!("<pylift {name}>");
    let code = compiler::compile(src, &filename, Mode::Exec).map_err(|e| vm.syntax_error_from(&e))?;
    vm.run_code(&code, &d)?;
    Ok(m)
}

fn init_itertools(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "itertools", ITERTOOLS)
}

fn init_contextlib(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "contextlib", CONTEXTLIB)
}

fn init_string(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "string", STRING)
}
