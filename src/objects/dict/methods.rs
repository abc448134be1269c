//! The methods and operators of `dict`: construction and `update`, item access with
//! `__missing__`, `get/pop/popitem/setdefault/fromkeys/copy/clear`, `|`, `==`, `repr`.

use super::PyDict;
use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::sequtil::{ReprGuard, marg1, margs, new_cls, subclass_instance, this};
use crate::objects::{none, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, key_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub fn new_dict() -> Value {
    layout::alloc(&types().dict, PyDict::new())
}

fn dself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyDict)> {
    this::<PyDict>(args, meth, "dict")
}

/// `d.update(other)` for a mapping (anything with `keys`) or an iterable of pairs.
pub fn update_from(vm: &mut Vm, d: &PyDict, other: &Value) -> PyResult<()> {
    if let Some(od) = other.downcast::<PyDict>() {
        // An exact dict (or a subclass that keeps dict's __iter__) copies its entries.
        if other.kind() == Kind::Dict || vm.lookup_special(other, "keys").is_some_and(|k| k.kind() == Kind::Builtin) {
            let entries: Vec<(i64, Value, Value)> =
                od.table().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect();
            for (h, k, v) in entries {
                d.set_hashed(vm, k, h, v)?;
            }
            return Ok(());
        }
    }
    if vm.getattr_opt(other, "keys")?.is_some() {
        let keys = vm.call_method(other, "keys", &[])?;
        let keys = vm.to_vec(&keys)?;
        for k in keys {
            let v = vm.getitem(other, &k)?;
            d.set(vm, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = if let Some(t) = item.as_tuple() {
            t.to_vec()
        } else if let Some(l) = item.downcast::<crate::objects::list::PyList>() {
            l.snapshot()
        } else {
            match vm.iter(&item) {
                Ok(_) => vm.to_vec(&item)?,
                Err(e) if e.matches(&crate::objects::registry::exc().type_error) => {
                    return Err(type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
                Err(e) => return Err(e),
            }
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            d.set(vm, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().dict)?;
    let d = new_dict();
    Ok(if cls.is(&types().dict) { d } else { subclass_instance(cls, d) })
}

fn update_args(vm: &mut Vm, d: &PyDict, args: &Args<'_>, fname: &str) -> PyResult<()> {
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("{fname} expected at most 1 argument, got {}", p.len())));
    }
    if let Some(o) = p.first() {
        update_from(vm, d, o)?;
    }
    for (k, v) in args.kwargs() {
        d.set(vm, crate::objects::str::new_str(k), v.clone())?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__init__")?;
    update_args(vm, d, &args, "dict")?;
    Ok(none())
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "update")?;
    update_args(vm, d, &args, "update")?;
    Ok(none())
}

/// `d[key]` with `__missing__` for subclasses.
pub fn getitem(vm: &mut Vm, dv: &Value, d: &PyDict, key: &Value) -> PyResult {
    if let Some(v) = d.get(vm, key)? {
        return Ok(v);
    }
    if dv.kind() != Kind::Dict {
        if let Some(m) = vm.lookup_special(dv, "__missing__") {
            return vm.call_pos(&m, &[dv.clone(), key.clone()]);
        }
    }
    Err(key_error(key.clone()))
}

fn dict_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, d) = dself(&args, "__getitem__")?;
    let k = marg1(&args, "dict.__getitem__")?;
    getitem(vm, dv, d, k)
}

fn dict_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__setitem__")?;
    let a = margs(&args, "__setitem__", 2, 2)?;
    d.set(vm, a[0].clone(), a[1].clone())?;
    Ok(none())
}

fn dict_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__delitem__")?;
    let k = marg1(&args, "dict.__delitem__")?;
    match d.remove(vm, k)? {
        Some(_) => Ok(none()),
        None => Err(key_error(k.clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__contains__")?;
    let k = marg1(&args, "dict.__contains__")?;
    Ok(py_bool(d.contains(vm, k)?))
}

fn dict_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__len__")?;
    Ok(new_int(d.len() as i64))
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "get")?;
    let a = margs(&args, "get", 1, 2)?;
    Ok(d.get(vm, &a[0])?.unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(none)))
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "pop")?;
    let a = margs(&args, "pop", 1, 2)?;
    match d.remove(vm, &a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(key_error(a[0].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "popitem")?;
    margs(&args, "popitem", 0, 0)?;
    match d.pop_last() {
        Some((k, v)) => Ok(crate::objects::tuple::new_tuple(vec![k, v])),
        None => Err(PyErr::new(&crate::objects::registry::exc().key_error, "popitem(): dictionary is empty")),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "setdefault")?;
    let a = margs(&args, "setdefault", 1, 2)?;
    let h = vm.hash(&a[0])?;
    if let Some(v) = d.get_hashed(vm, &a[0], h)? {
        return Ok(v);
    }
    let dflt = a.get(1).cloned().unwrap_or_else(none);
    d.set_hashed(vm, a[0].clone(), h, dflt.clone())?;
    Ok(dflt)
}

fn dict_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "clear")?;
    d.clear();
    Ok(none())
}

/// A new exact dict with `d`'s entries.
pub fn copy(d: &PyDict) -> Value {
    layout::alloc(&types().dict, PyDict::from_table(d.table().clone()))
}

fn dict_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "copy")?;
    margs(&args, "copy", 0, 0)?;
    Ok(copy(d))
}

fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = margs(&args, "fromkeys", 1, 2)?;
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().dict.clone());
    let value = a.get(1).cloned().unwrap_or_else(none);
    let keys = vm.to_vec(&a[0])?;
    if cls.is(&types().dict) {
        let d = new_dict();
        if let Some(dd) = d.payload::<PyDict>() {
            for k in keys {
                dd.set(vm, k, value.clone())?;
            }
        }
        return Ok(d);
    }
    let d = vm.call_pos(&cls, &[])?;
    for k in keys {
        vm.setitem(&d, &k, value.clone())?;
    }
    Ok(d)
}

/// `repr(dict)`: `{'a': 1}`, `{...}` when recursive.
pub fn repr(vm: &mut Vm, dv: &Value, d: &PyDict) -> PyResult<String> {
    if d.is_empty() {
        return Ok("{}".into());
    }
    let Some(_g) = ReprGuard::enter(dv) else { return Ok("{...}".into()) };
    let mut out = String::from("{");
    for (i, (k, v)) in d.items().into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(&k)?);
        out.push_str(": ");
        out.push_str(&vm.repr_string(&v)?);
    }
    out.push('}');
    Ok(out)
}

fn dict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, d) = dself(&args, "__repr__")?;
    Ok(crate::objects::str::new_str(repr(vm, dv, d)?))
}

/// `a == b` for two dicts.
pub fn dict_equal(vm: &mut Vm, a: &PyDict, b: &PyDict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let entries: Vec<(i64, Value, Value)> =
        a.table().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect();
    for (h, k, v) in entries {
        match b.get_hashed(vm, &k, h)? {
            Some(bv) => {
                if !(bv.is(&v) || vm.eq(&v, &bv)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, d) = dself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(od) = o.downcast::<PyDict>() else { return Ok(not_implemented()) };
    match op {
        CmpOp::Eq => Ok(py_bool(dict_equal(vm, d, od)?)),
        CmpOp::Ne => Ok(py_bool(!dict_equal(vm, d, od)?)),
        _ => Ok(not_implemented()),
    }
}
fn dict_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    dict_cmp(vm, args, CmpOp::Eq)
}
fn dict_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    dict_cmp(vm, args, CmpOp::Ne)
}
fn dict_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    dict_cmp(vm, args, CmpOp::Lt)
}

fn dict_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = dself(&args, "__or__")?;
    let o = marg1(&args, "__or__")?;
    let Some(od) = o.downcast::<PyDict>() else { return Ok(not_implemented()) };
    let r = copy(d);
    if let Some(rd) = r.payload::<PyDict>() {
        update_from(vm, rd, o)?;
    }
    let _ = od;
    Ok(r)
}

fn dict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "__ror__")?;
    let o = marg1(&args, "__ror__")?;
    let Some(od) = o.downcast::<PyDict>() else { return Ok(not_implemented()) };
    let r = copy(od);
    if let Some(rd) = r.payload::<PyDict>() {
        update_from(vm, rd, dv)?;
    }
    Ok(r)
}

fn dict_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, d) = dself(&args, "__ior__")?;
    let o = marg1(&args, "__ior__")?;
    update_from(vm, d, o)?;
    Ok(dv.clone())
}

/// Registers the methods of `dict`.
pub fn init() {
    let t = &types().dict;
    add_staticmethod(t, "__new__", dict_new);
    add_method(t, "__init__", dict_init);
    add_method(t, "update", dict_update);
    add_method(t, "__getitem__", dict_getitem);
    add_method(t, "__setitem__", dict_setitem);
    add_method(t, "__delitem__", dict_delitem);
    add_method(t, "__contains__", dict_contains);
    add_method(t, "__len__", dict_len);
    add_method(t, "get", dict_get);
    add_method(t, "pop", dict_pop);
    add_method(t, "popitem", dict_popitem);
    add_method(t, "setdefault", dict_setdefault);
    add_method(t, "clear", dict_clear);
    add_method(t, "copy", dict_copy);
    add_classmethod(t, "fromkeys", dict_fromkeys);
    add_method(t, "__repr__", dict_repr);
    add_method(t, "__eq__", dict_eq);
    add_method(t, "__ne__", dict_ne);
    add_method(t, "__lt__", dict_lt);
    add_method(t, "__le__", dict_lt);
    add_method(t, "__gt__", dict_lt);
    add_method(t, "__ge__", dict_lt);
    add_method(t, "__or__", dict_or);
    add_method(t, "__ror__", dict_ror);
    add_method(t, "__ior__", dict_ior);
    add_method(t, "__sizeof__", crate::objects::sizeof::object_sizeof);
    if let Some(tp) = t.as_type() {
        tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
    }
    let _ = type_name;
}
