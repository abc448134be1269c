//! The `marshal` module over `bytecode::marshal` (CPython's format, version 4; code
//! objects in pylift's own record, `bytecode/marshal/code.rs`).

use crate::bytecode::marshal;
use crate::objects::bytes::{PyBytes, new_bytes};
use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("marshal", init_marshal);
}

fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(marshal::VERSION),
        Some(v) => {
            let i = crate::builtins::posix::int_arg(vm, v)?;
            i32::try_from(i).map_err(|_| crate::vm::errors::overflow_error("Python int too large to convert to C int"))
        }
    }
}

fn dump_bytes(vm: &mut Vm, value: &Value, version: i32) -> PyResult<Vec<u8>> {
    if crate::vm::startup::audit::active() {
        vm.audit("marshal.dumps", vec![value.clone(), new_int(version as i64)])?;
    }
    marshal::dumps(value, version).map_err(|e| value_error(e.message()))
}

fn m_dumps(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("dumps", 1, 2)?;
    let version = version_arg(vm, p.get(1))?;
    Ok(new_bytes(dump_bytes(vm, &p[0], version)?))
}

fn m_dump(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("dump", 2, 3)?;
    let version = version_arg(vm, p.get(2))?;
    let data = new_bytes(dump_bytes(vm, &p[0], version)?);
    vm.call_method(&p[1], "write", &[data])?;
    Ok(crate::objects::none())
}

/// The bytes of a bytes-like argument.
fn buffer(v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::memoryview::buffer_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

fn load_audited(vm: &mut Vm, data: &[u8]) -> PyResult<marshal::Loaded> {
    if crate::vm::startup::audit::active() {
        vm.audit("marshal.loads", vec![new_bytes(data.to_vec())])?;
    }
    marshal::loads(vm, data, None)
}

fn m_loads(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [data] = args.exact::<1>("loads")?;
    let data = buffer(data)?;
    Ok(load_audited(vm, &data)?.value)
}

/// `marshal.load(file)`: reads the rest of the file, then seeks back to just after the
/// value (marshal.c reads exactly the value's bytes; a file that cannot seek loses what
/// followed the value).
fn m_load(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [file] = args.exact::<1>("load")?;
    let data = vm.call_method(file, "read", &[])?;
    let Some(bytes) = data.downcast::<PyBytes>().map(|b| b.0.to_vec()) else {
        return Err(type_error(format!("file.read() returned not bytes but {}", type_name(&data))));
    };
    let loaded = load_audited(vm, &bytes)?;
    let rest = bytes.len() - loaded.consumed;
    if rest > 0 {
        vm.call_method(file, "seek", &[new_int(-(rest as i64)), new_int(1)])?;
    }
    Ok(loaded.value)
}

fn init_marshal(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("marshal");
    let d = module_dict(&m);
    for (name, f) in [("dumps", m_dumps as crate::vm::NativeFn), ("dump", m_dump), ("loads", m_loads), ("load", m_load)]
    {
        add_function(&d, "marshal", name, f);
    }
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(new_str("version"), new_int(marshal::VERSION as i64));
    }
    Ok(m)
}
