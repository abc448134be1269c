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

pub fn init() {
    let t = &types().mappingproxy;
    add_forwards(t);
    add_method(t, "__repr__", p_repr);
    if let Some(tp) = t.as_type() {
        tp.dict.set_str(new_str("__hash__"), crate::objects::none());
    }
}
