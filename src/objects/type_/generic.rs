//! `list[int]`: `types.GenericAlias` objects made by `__class_getitem__` of the builtin
//! generic classes (printing, calling the origin, `__origin__`/`__args__`, subclassing).

use std::cell::RefCell;

use crate::objects::instance::Instance;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::{add_classmethod, add_method};
use crate::vm::{Args, PyResult, Vm};

/// (origin, args) of a GenericAlias.
fn parts(v: &Value) -> Option<(Value, Vec<Value>)> {
    if !v.type_of().is(&types().generic_alias) {
        return None;
    }
    let b = v.payload::<Instance>()?.base.clone()?;
    let t = b.as_tuple()?;
    let origin = t.first()?.clone();
    let args = t.get(1)?.as_tuple()?.to_vec();
    Some((origin, args))
}

pub fn new_alias(origin: Value, args: Vec<Value>) -> Value {
    let base = new_tuple(vec![origin, new_tuple(args)]);
    layout::alloc(&types().generic_alias, Instance { dict: RefCell::new(None), slots: Box::new([]), base: Some(base) })
}

pub(crate) fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, item] = args.exact::<2>("__class_getitem__")?;
    let a = match item.as_tuple() {
        Some(t) if item.kind() == Kind::Tuple => t.to_vec(),
        _ => vec![item.clone()],
    };
    Ok(new_alias(cls.clone(), a))
}

/// How a type argument prints inside `X[...]`.
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.kind() == Kind::Ellipsis {
        return Ok("...".into());
    }
    if let Some(t) = v.as_type() {
        let m = t.module_name();
        return Ok(if m == "builtins" { t.qualname.borrow().clone() } else { format!("{m}.{}", t.qualname.borrow()) });
    }
    vm.repr_string(v)
}

fn alias_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let (o, a) = parts(s).ok_or_else(|| type_error("expected a GenericAlias"))?;
    let mut out = arg_repr(vm, &o)?;
    out.push('[');
    if a.is_empty() {
        out.push_str("()");
    }
    for (i, x) in a.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&arg_repr(vm, x)?);
    }
    out.push(']');
    Ok(new_str(out))
}

fn alias_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("GenericAlias.__call__ needs self"))?;
    let (o, _) = parts(s).ok_or_else(|| type_error("expected a GenericAlias"))?;
    vm.call(&o, Args::new(&args.values[1..], args.kwnames))
}

fn alias_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__getattr__")?;
    let (o, _) = parts(s).ok_or_else(|| type_error("expected a GenericAlias"))?;
    let n = name.as_str().unwrap_or("");
    if n.starts_with("__") && n.ends_with("__") {
        return Err(vm.no_attribute(s, n));
    }
    vm.getattr(&o, name)
}

fn alias_mro_entries(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, _bases] = args.exact::<2>("__mro_entries__")?;
    let (o, _) = parts(s).ok_or_else(|| type_error("expected a GenericAlias"))?;
    Ok(new_tuple(vec![o]))
}

fn alias_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    let (Some((o1, a1)), Some((o2, a2))) = (parts(a), parts(b)) else { return Ok(not_implemented()) };
    Ok(py_bool(o1.is(&o2) && a1.len() == a2.len() && a1.iter().zip(&a2).all(|(x, y)| x.is(y))))
}

fn alias_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = args.exact::<1>("__hash__")?;
    let (o, xs) = parts(a).ok_or_else(|| type_error("expected a GenericAlias"))?;
    let h = xs.iter().fold(o.bits() >> 4, |h, v| h.rotate_left(5) ^ (v.bits() >> 4));
    Ok(crate::objects::int::new_int((h as i64) & ((1 << 60) - 1)))
}

fn g_origin(_vm: &mut Vm, s: &Value) -> PyResult {
    parts(s).map(|p| p.0).ok_or_else(|| type_error("expected a GenericAlias"))
}
fn g_args(_vm: &mut Vm, s: &Value) -> PyResult {
    parts(s).map(|p| new_tuple(p.1)).ok_or_else(|| type_error("expected a GenericAlias"))
}
fn g_params(_vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(new_tuple(vec![]))
}

pub fn init() {
    let t = types();
    for c in
        [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.enumerate, &t.dict_keys, &t.dict_values, &t.dict_items]
    {
        add_classmethod(c, "__class_getitem__", class_getitem);
    }
    let g = &t.generic_alias;
    add_method(g, "__repr__", alias_repr);
    add_method(g, "__call__", alias_call);
    add_method(g, "__getattr__", alias_getattr);
    add_method(g, "__mro_entries__", alias_mro_entries);
    add_method(g, "__eq__", alias_eq);
    add_method(g, "__hash__", alias_hash);
    crate::objects::descr::add_getset(g, "__origin__", g_origin, None);
    crate::objects::descr::add_getset(g, "__args__", g_args, None);
    crate::objects::descr::add_getset(g, "__parameters__", g_params, None);
    if let Some(tp) = g.as_type() {
        tp.recompute_flags();
    }
}
