//! Dict iteration: the key/value/item iterators (forward and reversed, with CPython's
//! "changed size during iteration" checks) and the `dict_keys`/`dict_values`/`dict_items`
//! views (len, iteration, membership, repr, set operations).

use super::{PyDict, PyDictView, ViewKind};
use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::int::new_int;
use crate::objects::iter::{NativeIter, new_native_iter};
use crate::objects::sequtil::{ReprGuard, marg1, margs, this};
use crate::objects::tuple::new_tuple;
use crate::objects::{none, not_implemented, py_bool, types};
use crate::values::{Value, layout};
use crate::vm::errors::{runtime_error, type_error};
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

/// Iterates a dict's dense entries in order (or reversed).
pub struct DictIter {
    dict: Option<Value>,
    which: ViewKind,
    pos: usize,
    used: usize,
    left: usize,
    reverse: bool,
}

impl NativeIter for DictIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(dv) = &self.dict else { return Ok(None) };
        let Some(d) = dv.downcast::<PyDict>() else { return Ok(None) };
        if d.len() != self.used {
            self.dict = None;
            return Err(runtime_error("dictionary changed size during iteration"));
        }
        let t = d.table();
        loop {
            let e = if self.reverse {
                if self.pos == 0 {
                    None
                } else {
                    self.pos -= 1;
                    t.entry_at(self.pos)
                }
            } else {
                let e = t.entry_at(self.pos);
                self.pos += 1;
                e
            };
            match e {
                None => {
                    drop(t);
                    self.dict = None;
                    return Ok(None);
                }
                Some(None) => continue,
                Some(Some(e)) => {
                    if self.left == 0 {
                        drop(t);
                        self.dict = None;
                        return Err(runtime_error("dictionary keys changed during iteration"));
                    }
                    self.left -= 1;
                    return Ok(Some(match self.which {
                        ViewKind::Keys => e.key.clone(),
                        ViewKind::Values => e.value.clone(),
                        ViewKind::Items => new_tuple(vec![e.key.clone(), e.value.clone()]),
                    }));
                }
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        Some(if self.dict.is_some() { self.left } else { 0 })
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = &self.dict {
            visit(d);
        }
    }
}

/// An iterator over `dict` (a dict or dict subclass instance).
pub fn dict_iter(dict: &Value, which: ViewKind, reverse: bool) -> Value {
    let (n, dense) = dict.downcast::<PyDict>().map(|d| (d.len(), d.table().dense_len())).unwrap_or((0, 0));
    let t = types();
    let ty = match (which, reverse) {
        (ViewKind::Keys, false) => &t.dict_keyiterator,
        (ViewKind::Values, false) => &t.dict_valueiterator,
        (ViewKind::Items, false) => &t.dict_itemiterator,
        (ViewKind::Keys, true) => &t.dict_reversekeyiterator,
        (ViewKind::Values, true) => &t.dict_reversevalueiterator,
        (ViewKind::Items, true) => &t.dict_reverseitemiterator,
    };
    new_native_iter(
        ty,
        Box::new(DictIter {
            dict: Some(dict.clone()),
            which,
            pos: if reverse { dense } else { 0 },
            used: n,
            left: n,
            reverse,
        }),
    )
}

fn dself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyDict)> {
    this::<PyDict>(args, meth, "dict")
}

fn dict_iter_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "__iter__")?;
    Ok(dict_iter(dv, ViewKind::Keys, false))
}

fn dict_reversed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "__reversed__")?;
    Ok(dict_iter(dv, ViewKind::Keys, true))
}

/// A view object over `dict`.
pub fn new_view(dict: &Value, which: ViewKind) -> Value {
    let t = types();
    let ty = match which {
        ViewKind::Keys => &t.dict_keys,
        ViewKind::Values => &t.dict_values,
        ViewKind::Items => &t.dict_items,
    };
    layout::alloc(ty, PyDictView { dict: dict.clone(), which })
}

fn dict_keys(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "keys")?;
    margs(&args, "keys", 0, 0)?;
    Ok(new_view(dv, ViewKind::Keys))
}
fn dict_values(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "values")?;
    margs(&args, "values", 0, 0)?;
    Ok(new_view(dv, ViewKind::Values))
}
fn dict_items(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (dv, _) = dself(&args, "items")?;
    margs(&args, "items", 0, 0)?;
    Ok(new_view(dv, ViewKind::Items))
}

fn vself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyDictView)> {
    this::<PyDictView>(args, meth, "dict_keys")
}

fn view_dict(v: &PyDictView) -> PyResult<&PyDict> {
    v.dict.downcast::<PyDict>().ok_or_else(|| type_error("dict view over a non-dict"))
}

fn v_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "__len__")?;
    Ok(new_int(view_dict(v)?.len() as i64))
}

fn v_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "__iter__")?;
    Ok(dict_iter(&v.dict, v.which, false))
}

fn v_reversed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "__reversed__")?;
    Ok(dict_iter(&v.dict, v.which, true))
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, v: &PyDictView, x: &Value) -> PyResult<bool> {
    let d = view_dict(v)?;
    match v.which {
        ViewKind::Keys => d.contains(vm, x),
        ViewKind::Items => {
            let Some(t) = x.as_tuple() else { return Ok(false) };
            if t.len() != 2 {
                return Ok(false);
            }
            let (k, val) = (t[0].clone(), t[1].clone());
            match d.get(vm, &k)? {
                Some(found) => Ok(found.is(&val) || vm.eq(&found, &val)?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for val in d.values() {
                if val.is(x) || vm.eq(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn v_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "__contains__")?;
    let x = marg1(&args, "__contains__")?;
    Ok(py_bool(view_contains(vm, v, x)?))
}

fn v_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, v) = vself(&args, "__repr__")?;
    let name = crate::vm::protocol::type_name(s);
    let Some(_g) = ReprGuard::enter(s) else { return Ok(crate::objects::str::new_str("...")) };
    let it = dict_iter(&v.dict, v.which, false);
    let items = vm.to_vec(&it)?;
    let l = crate::objects::list::new_list(items);
    let r = vm.repr_string(&l)?;
    Ok(crate::objects::str::new_str(format!("{name}({r})")))
}

/// `set(view)`.
fn as_set(vm: &mut Vm, view: &Value) -> PyResult {
    crate::objects::set::set_from_iter(vm, view)
}

fn v_setop(vm: &mut Vm, args: Args<'_>, op: BinOp, reflected: bool) -> PyResult {
    let (s, v) = vself(&args, "__and__")?;
    if v.which == ViewKind::Values {
        return Ok(not_implemented());
    }
    let o = marg1(&args, "__and__")?;
    // Reflected: `other op view` = set(other) op view.
    let (left, right) = if reflected { (o.clone(), s.clone()) } else { (s.clone(), o.clone()) };
    let result = as_set(vm, &left)?;
    let Some(rs) = result.payload::<crate::objects::set::PySet>() else { return Ok(result) };
    match op {
        BinOp::Or => rs.update(vm, &right)?,
        _ => {
            let name = match op {
                BinOp::And => "intersection_update",
                BinOp::Sub => "difference_update",
                _ => "symmetric_difference_update",
            };
            vm.call_method(&result, name, std::slice::from_ref(&right))?;
        }
    }
    Ok(result)
}

fn v_and(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::And, false)
}
fn v_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Or, false)
}
fn v_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Sub, false)
}
fn v_xor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Xor, false)
}
fn v_rand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::And, true)
}
fn v_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Or, true)
}
fn v_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Sub, true)
}
fn v_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_setop(vm, args, BinOp::Xor, true)
}

fn v_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (s, v) = vself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    if v.which == ViewKind::Values {
        return Ok(not_implemented());
    }
    let other_ok = crate::objects::set::any_set(o).is_some()
        || o.payload::<PyDictView>().is_some_and(|ov| ov.which != ViewKind::Values);
    if !other_ok {
        return Ok(not_implemented());
    }
    let a = as_set(vm, s)?;
    let b = as_set(vm, o)?;
    vm.compare(&a, &b, op)
}
fn v_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Eq)
}
fn v_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Ne)
}
fn v_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Lt)
}
fn v_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Le)
}
fn v_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Gt)
}
fn v_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    v_cmp(vm, args, CmpOp::Ge)
}

fn v_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "isdisjoint")?;
    let o = marg1(&args, "isdisjoint")?;
    let items = vm.to_vec(o)?;
    for x in items {
        if view_contains(vm, v, &x)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn v_mapping(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = vself(&args, "mapping")?;
    Ok(v.dict.clone())
}

/// Registers dict iteration methods and the view types' methods.
pub fn init() {
    let t = types();
    add_method(&t.dict, "__iter__", dict_iter_m);
    add_method(&t.dict, "__reversed__", dict_reversed);
    add_method(&t.dict, "keys", dict_keys);
    add_method(&t.dict, "values", dict_values);
    add_method(&t.dict, "items", dict_items);
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_method(ty, "__len__", v_len);
        add_method(ty, "__iter__", v_iter);
        add_method(ty, "__reversed__", v_reversed);
        add_method(ty, "__repr__", v_repr);
        crate::objects::sequtil::add_getter(ty, "mapping", v_mapping);
    }
    for ty in [&t.dict_keys, &t.dict_items] {
        add_method(ty, "__contains__", v_contains);
        add_method(ty, "__and__", v_and);
        add_method(ty, "__or__", v_or);
        add_method(ty, "__sub__", v_sub);
        add_method(ty, "__xor__", v_xor);
        add_method(ty, "__rand__", v_rand);
        add_method(ty, "__ror__", v_ror);
        add_method(ty, "__rsub__", v_rsub);
        add_method(ty, "__rxor__", v_rxor);
        add_method(ty, "__eq__", v_eq);
        add_method(ty, "__ne__", v_ne);
        add_method(ty, "__lt__", v_lt);
        add_method(ty, "__le__", v_le);
        add_method(ty, "__gt__", v_gt);
        add_method(ty, "__ge__", v_ge);
        add_method(ty, "isdisjoint", v_isdisjoint);
        if let Some(tp) = ty.as_type() {
            tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
        }
    }
    add_method(&t.dict_values, "__contains__", v_contains);
}
