//! Struct sequences (`sys.flags`, `sys.version_info`, `sys.float_info`, ...): tuple
//! subclasses whose items are also read-only named attributes, with CPython's repr
//! `sys.flags(debug=0, ...)`.

use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::types;
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::{Args, PyResult, Vm};

fn fields_of(vm: &mut Vm, ty: &Value) -> PyResult<Vec<Value>> {
    let f = vm.getattr_str(ty, "_fields")?;
    vm.to_vec(&f)
}

fn seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>("__repr__")?;
    let ty = this.type_of().clone();
    let module = vm.getattr_str(&ty, "__module__")?;
    let name = ty.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let items = this.downcast::<crate::objects::tuple::PyTuple>().map(|t| t.0.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (f, v) in fields_of(vm, &ty)?.iter().zip(items.iter()) {
        parts.push(format!("{}={}", f.as_str().unwrap_or(""), vm.repr_string(v)?));
    }
    // CPython prints `tp_name`, which is dotted unless the type lives in builtins.
    let prefix = match module.as_str().unwrap_or("sys") {
        "builtins" => String::new(),
        m => format!("{m}."),
    };
    Ok(new_str(format!("{prefix}{name}({})", parts.join(", "))))
}

fn seq_setattr(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::new(&crate::objects::registry::exc().attribute_error, "readonly attribute"))
}

/// Getter of field `i` (bound as the builtin's `self_`): `(i, obj)` -> `obj[i]`.
fn field_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [i, obj] = args.exact::<2>("field")?;
    let i = i.as_small().unwrap_or(0) as usize;
    obj.downcast::<crate::objects::tuple::PyTuple>()
        .and_then(|t| t.0.get(i).cloned())
        .ok_or_else(|| type_error("struct sequence field of a non-tuple"))
}

/// A read-only field descriptor: a property whose setter raises "readonly attribute".
fn field_descr(i: usize, name: &'static str) -> Value {
    use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
    let mk = |func: crate::vm::NativeFn, self_: Option<Value>| {
        layout::alloc(
            &types().builtin_function,
            PyBuiltin { name, func, kind: BuiltinKind::Function, self_, owner: "structseq" },
        )
    };
    let get = mk(field_get, Some(Value::small(i as i64)));
    let set = mk(seq_setattr, None);
    layout::alloc(
        &types().property,
        crate::objects::descr::PyProperty::new(Some(get), Some(set.clone()), Some(set), None),
    )
}

fn seq_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>("__reduce__")?;
    let items = this.downcast::<crate::objects::tuple::PyTuple>().map(|t| t.0.to_vec()).unwrap_or_default();
    let _ = vm;
    Ok(new_tuple(vec![
        this.type_of().clone(),
        new_tuple(vec![new_tuple(items), layout::alloc(&types().dict, PyDict::new())]),
    ]))
}

/// Makes the struct-sequence class `module.name` with `fields`.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult {
    new_type_ext(vm, module, name, fields, &[])
}

/// As `new_type`, for a struct sequence with `n_extra` named-only fields beyond the tuple
/// (`os.stat_result`'s `st_mtime` float...): its instances get a `__dict__`, and
/// `set_extra` stores those fields there. A tuple field whose name is also an extra is
/// reached by index only (CPython's unnamed fields: `st[8]` is the int mtime).
pub fn new_type_ext(vm: &mut Vm, module: &str, name: &str, fields: &[&str], extra: &[&str]) -> PyResult {
    let n_extra = extra.len();
    let d = layout::alloc(&types().dict, PyDict::new());
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("dict"))?;
    dd.set_str(new_str("__module__"), new_str(module));
    if n_extra == 0 {
        dd.set_str(new_str("__slots__"), new_tuple(vec![]));
    }
    let names = new_tuple(fields.iter().map(|f| new_str(*f)).collect());
    dd.set_str(new_str("_fields"), names.clone());
    dd.set_str(new_str("__match_args__"), names);
    let n = Value::small(fields.len() as i64);
    dd.set_str(new_str("n_fields"), Value::small((fields.len() + n_extra) as i64));
    dd.set_str(new_str("n_sequence_fields"), n);
    let unnamed = fields.iter().filter(|f| extra.contains(f)).count();
    dd.set_str(new_str("n_unnamed_fields"), Value::small(unnamed as i64));
    for (i, f) in fields.iter().enumerate() {
        if extra.contains(f) {
            continue;
        }
        let name: &'static str = Box::leak(f.to_string().into_boxed_str());
        dd.set_str(new_str(name), field_descr(i, name));
    }
    let bases = new_tuple(vec![types().tuple.clone()]);
    let cls = vm.call_pos(&types().type_.clone(), &[new_str(name), bases, d])?;
    crate::vm::startup::add_method(&cls, "__repr__", seq_repr);
    crate::vm::startup::add_method(&cls, "__reduce__", seq_reduce);
    if let Some(t) = cls.as_type() {
        t.modified();
    }
    Ok(cls)
}

/// A struct-sequence value: `new_type` + one instance holding `values`.
pub fn make(vm: &mut Vm, module: &str, name: &str, fields: &[&str], values: Vec<Value>) -> PyResult {
    let cls = new_type(vm, module, name, fields)?;
    vm.call_pos(&cls, &[new_tuple(values)])
}

/// Stores the named-only fields of a struct sequence made by a `new_type_ext` class.
pub fn set_extra(obj: &Value, fields: &[(&str, Value)]) {
    if let Some(d) = crate::vm::protocol::instance_dict_create(obj) {
        if let Some(dd) = d.payload::<PyDict>() {
            for (k, v) in fields {
                dd.set_str(new_str(*k), v.clone());
            }
        }
    }
}

/// A process-wide slot for a struct-sequence type made on first use.
pub type TypeSlot = crate::values::gil::GilStatic<std::cell::RefCell<Option<Value>>>;

/// The type in `slot`, made by `make` the first time.
pub fn cached(slot: &TypeSlot, make: impl FnOnce(&mut Vm) -> PyResult) -> impl FnOnce(&mut Vm) -> PyResult {
    move |vm| {
        if let Some(t) = slot.borrow().clone() {
            return Ok(t);
        }
        let t = make(vm)?;
        *slot.borrow_mut() = Some(t.clone());
        Ok(t)
    }
}
