//! `mappingproxy`: the read-only view `C.__dict__` returns (here over a snapshot of the
//! class dict, wrapped so it cannot be written through).

use std::cell::RefCell;

use crate::objects::instance::Instance;
use crate::objects::str::new_str;
use crate::objects::types;
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

/// Wraps a dict as a `mappingproxy`.
pub fn new_proxy(d: Value) -> Value {
    layout::alloc(&types().mappingproxy, Instance { dict: RefCell::new(None), slots: Box::new([]), base: Some(d) })
}

fn inner(v: &Value) -> PyResult<Value> {
    v.payload::<Instance>().and_then(|i| i.base.clone()).ok_or_else(|| type_error("expected a mappingproxy"))
}

macro_rules! forward {
    ($($fname:ident => $meth:literal,)*) => {
        $(fn $fname(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let p = args.pos();
            let Some(s) = p.first() else { return Err(type_error(concat!($meth, " needs self"))) };
            let d = inner(s)?;
            vm.call_method(&d, $meth, &p[1..])
        })*
        fn add_forwards(t: &Value) {
            $(add_method(t, $meth, $fname);)*
        }
    };
}

forward! {
    p_getitem => "__getitem__",
    p_contains => "__contains__",
    p_iter => "__iter__",
    p_len => "__len__",
    p_get => "get",
    p_keys => "keys",
    p_values => "values",
    p_items => "items",
    p_copy => "copy",
    p_eq => "__eq__",
    p_str => "__str__",
}

fn p_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let d = inner(s)?;
    let r = vm.repr_string(&d)?;
    Ok(new_str(format!("mappingproxy({r})")))
}

/// `types.MappingProxyType(mapping)`: a live read-only view of any mapping (CPython refuses
/// sequences, which also have `__getitem__`).
fn p_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("mappingproxy", &["cls", "mapping"], 2)?;
    let m = a[1].clone().unwrap_or_else(crate::objects::none);
    let is_seq = matches!(m.kind(), crate::values::Kind::List | crate::values::Kind::Tuple);
    if is_seq || vm.getattr_opt(&m, "keys")?.is_none() || vm.lookup_special(&m, "__getitem__").is_none() {
        return Err(type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::vm::protocol::type_name(&m)
        )));
    }
    Ok(new_proxy(m))
}

pub fn init() {
    let t = &types().mappingproxy;
    add_forwards(t);
    crate::vm::startup::add_staticmethod(t, "__new__", p_new);
    add_method(t, "__repr__", p_repr);
    if let Some(tp) = t.as_type() {
        tp.dict.set_str(new_str("__hash__"), crate::objects::none());
    }
}
