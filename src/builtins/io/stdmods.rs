//! The `io` module (the parts scripts use): `io.StringIO`/`BytesIO`, `io.open`. (`os` is
//! CPython's own `os.py` over the native `posix`, `builtins/posix.rs`.)

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, PyFile, memory_value};
use crate::objects::str::new_str;
use crate::objects::type_::TF_BASETYPE;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::{add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

fn memory_new(vm: &mut Vm, args: Args<'_>, binary: bool) -> PyResult {
    let Some(cls) = args.pos().first().cloned() else { return Err(type_error("__new__ needs a class")) };
    let init = match args.pos().get(1).or_else(|| args.kwarg(if binary { "initial_bytes" } else { "initial_value" })) {
        Some(v) if !v.is_none() => {
            if binary {
                match v.downcast::<crate::objects::bytes::PyBytes>() {
                    Some(b) => b.0.to_vec(),
                    None => {
                        return Err(type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            crate::vm::protocol::type_name(v)
                        )));
                    }
                }
            } else {
                match v.as_str() {
                    Some(s) => s.as_bytes().to_vec(),
                    None => {
                        return Err(type_error(format!(
                            "initial_value must be str or None, not {}",
                            crate::vm::protocol::type_name(v)
                        )));
                    }
                }
            }
        }
        _ => Vec::new(),
    };
    let _ = vm;
    let name = if binary { "<BytesIO>" } else { "<StringIO>" };
    Ok(layout::alloc(&cls, PyFile::new(FileBackend::Memory(init, 0), name, if binary { "rb+" } else { "r+" }, binary)))
}

fn stringio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    memory_new(vm, args, false)
}
fn bytesio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    memory_new(vm, args, true)
}
fn noop_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}
fn getvalue(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = args.pos().first().and_then(|v| v.downcast::<PyFile>()).ok_or_else(|| type_error("expected StringIO"))?;
    if f.is_closed() {
        return Err(f.closed_error());
    }
    let data = memory_value(f).unwrap_or_default();
    Ok(if f.binary {
        layout::alloc(&types().bytes, crate::objects::bytes::PyBytes(data.into_boxed_slice()))
    } else {
        new_str(String::from_utf8_lossy(&data).into_owned())
    })
}

/// `import io`.
pub fn init_io(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("io");
    let d = module_dict(&m);
    for (name, binary) in [("StringIO", false), ("BytesIO", true)] {
        let cls = new_builtin_class(name, "_io", Kind::File, TF_BASETYPE);
        // The file methods live on the builtin file types; copy them over.
        let src = if binary { &types().buffered_reader } else { &types().text_io };
        if let (Some(s), Some(t)) = (src.as_type(), cls.as_type()) {
            for (k, v) in s.dict.items() {
                t.dict.set_str(k, v);
            }
            t.dict.set_str(new_str("__module__"), new_str("_io"));
        }
        add_staticmethod(&cls, "__new__", if binary { bytesio_new } else { stringio_new });
        add_method(&cls, "__init__", noop_init);
        add_method(&cls, "getvalue", getvalue);
        set(&d, name, cls);
    }
    set(&d, "DEFAULT_BUFFER_SIZE", crate::objects::int::new_int(8192));
    set(&d, "TextIOWrapper", types().text_io.clone());
    set(&d, "BufferedReader", types().buffered_reader.clone());
    set(&d, "BufferedWriter", types().buffered_writer.clone());
    if let Some(open) = vm.builtins.payload::<PyDict>().and_then(|b| b.get_str("open")) {
        set(&d, "open", open);
    }
    Ok(m)
}
