//! Standard-library modules close to the class machinery, written in Python and compiled
//! at first import: `abc`, `types`, `functools`, `collections`, `dataclasses`.

use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::startup::{module_dict, new_module};
use crate::vm::{PyResult, Vm};

/// Registers the modules with the importer.
pub fn register() {
    if let Ok(mut t) = crate::vm::interp::NATIVE_MODULES.lock() {
        for (name, f) in [
            ("abc", init_abc as crate::vm::interp::NativeModuleInit),
            ("types", init_types),
            ("functools", init_functools),
            ("collections", init_collections),
            ("dataclasses", init_dataclasses),
            ("enum", init_enum),
            ("operator", init_operator),
            ("copy", init_copy),
            ("typing", init_typing),
            ("heapq", init_heapq),
            ("bisect", init_bisect),
            ("json", init_json),
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
    let code = crate::compiler::compile(src, &format!("<frozen {name}>"), crate::compiler::Mode::Exec)
        .map_err(|e| super::exec::compile_error_to_exc(&e))?;
    vm.run_code(&code, &d)?;
    Ok(m)
}

fn init_abc(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "abc", ABC_SRC)
}

fn init_types(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "types", TYPES_SRC)
}

fn init_functools(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "functools", FUNCTOOLS_SRC)
}

fn init_collections(vm: &mut Vm) -> PyResult<Value> {
    let m = run_py_module(vm, "collections", COLLECTIONS_SRC)?;
    // `collections.abc` is made with its parent (which has no `__path__`).
    let abc = run_py_module(vm, "collections.abc", include_str!("pylib/collections_abc.py"))?;
    if let Some(d) = module_dict(&m).payload::<PyDict>() {
        d.set_str(new_str("abc"), abc);
    }
    Ok(m)
}

fn init_dataclasses(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "dataclasses", DATACLASSES_SRC)
}

fn init_enum(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "enum", ENUM_SRC)
}

fn init_operator(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "operator", include_str!("pylib/operator.py"))
}

fn init_copy(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "copy", include_str!("pylib/copy.py"))
}

fn init_typing(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "typing", include_str!("pylib/typing.py"))
}

fn init_heapq(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "heapq", include_str!("pylib/heapq.py"))
}

fn init_bisect(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "bisect", include_str!("pylib/bisect.py"))
}

fn init_json(vm: &mut Vm) -> PyResult<Value> {
    run_py_module(vm, "json", include_str!("pylib/json.py"))
}

const ENUM_SRC: &str = include_str!("pylib/enum.py");
const DATACLASSES_SRC: &str = include_str!("pylib/dataclasses.py");

const COLLECTIONS_SRC: &str = include_str!("pylib/collections.py");

const FUNCTOOLS_SRC: &str = include_str!("pylib/functools.py");

const ABC_SRC: &str = include_str!("pylib/abc.py");

const TYPES_SRC: &str = include_str!("pylib/types.py");
