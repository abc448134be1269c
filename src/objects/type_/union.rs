//! `X | Y` on classes: `types.UnionType`, accepted by `isinstance`/`issubclass`.

use std::cell::RefCell;

use crate::objects::instance::Instance;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{not_implemented, py_bool, types};
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

/// The member classes of a union object, if `v` is one.
pub fn union_args(v: &Value) -> Option<Vec<Value>> {
    if !v.type_of().is(&types().union_type) {
        return None;
    }
    v.payload::<Instance>().and_then(|i| i.base.as_ref()).and_then(|b| b.as_tuple()).map(|t| t.to_vec())
}

/// What `|` joins into a union: None, classes, generic aliases (`list[int]`) and unions.
fn unionable(v: &Value) -> bool {
    v.is_none()
        || v.as_type().is_some()
        || union_args(v).is_some()
        || crate::objects::type_::generic::parts(v).is_some()
}

fn flatten(v: &Value, out: &mut Vec<Value>) {
    let v = if v.is_none() { types().none_type.clone() } else { v.clone() };
    match union_args(&v) {
        Some(a) => {
            for x in a {
                flatten(&x, out);
            }
        }
        None => {
            if !out.iter().any(|x| x.is(&v)) {
                out.push(v);
            }
        }
    }
}

/// `a | b` for classes, None and unions; NotImplemented otherwise.
pub fn make_union(a: &Value, b: &Value) -> Value {
    if !unionable(a) || !unionable(b) {
        return not_implemented();
    }
    let mut args = Vec::new();
    flatten(a, &mut args);
    flatten(b, &mut args);
    if args.len() == 1 {
        return args.pop().unwrap_or_else(not_implemented);
    }
    layout::alloc(
        &types().union_type,
        Instance { dict: RefCell::new(None), slots: Box::new([]), base: Some(new_tuple(args)) },
    )
}

fn type_or(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__or__")?;
    Ok(make_union(a, b))
}
fn type_ror(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__ror__")?;
    Ok(make_union(b, a))
}

fn union_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let a = union_args(s).ok_or_else(|| type_error("expected a union"))?;
    let mut parts = Vec::new();
    for x in &a {
        if x.is(&types().none_type) {
            parts.push("None".to_owned());
        } else if let Some(t) = x.as_type() {
            let m = t.module_name();
            parts.push(if m == "builtins" {
                t.qualname.borrow().clone()
            } else {
                format!("{m}.{}", t.qualname.borrow())
            });
        } else {
            parts.push(vm.repr_string(x)?);
        }
    }
    Ok(new_str(parts.join(" | ")))
}

fn union_args_get(_vm: &mut Vm, s: &Value) -> PyResult {
    union_args(s).map(new_tuple).ok_or_else(|| type_error("expected a union"))
}

fn union_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    let (Some(x), Some(y)) = (union_args(a), union_args(b)) else { return Ok(not_implemented()) };
    Ok(py_bool(x.len() == y.len() && x.iter().all(|v| y.iter().any(|w| w.is(v)))))
}

fn union_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = args.exact::<1>("__hash__")?;
    let x = union_args(a).ok_or_else(|| type_error("expected a union"))?;
    let h = x.iter().fold(0x345678usize, |h, v| h ^ (v.bits() >> 4));
    Ok(crate::objects::int::new_int((h as i64) & ((1 << 60) - 1)))
}

pub fn init() {
    add_method(&types().type_, "__or__", type_or);
    add_method(&types().type_, "__ror__", type_ror);
    let u = &types().union_type;
    add_method(u, "__repr__", union_repr);
    add_method(u, "__or__", type_or);
    add_method(u, "__ror__", type_ror);
    add_method(u, "__eq__", union_eq);
    add_method(u, "__hash__", union_hash);
    crate::objects::descr::add_getset(u, "__args__", union_args_get, None);
    if let Some(t) = u.as_type() {
        *t.name.borrow_mut() = "UnionType".into();
        t.dict.set_str(new_str("__module__"), new_str("types"));
    }
}
