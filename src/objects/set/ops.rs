//! The methods and operators of `set` and `frozenset`, following setobject.c's algorithms
//! (which side is iterated, result types, in-place table swaps) so results iterate in
//! CPython's order.

use std::cell::Cell;

use super::{
    PyFrozenSet, PySet, SetTable, Slot, any_set, frozenset_from_iter, frozenset_hash, is_frozen,
    new_frozenset_from_table, new_set_from_table,
};
use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::iter::{NativeIter, new_native_iter};
use crate::objects::sequtil::{ReprGuard, marg1, margs, new_cls, subclass_instance};
use crate::objects::{none, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, key_error, runtime_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

fn sset<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PySet)> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method set.{meth}() needs an argument")));
    };
    match any_set(s) {
        Some(p) => Ok((s, p)),
        None => Err(type_error(format!(
            "descriptor '{meth}' for 'set' objects doesn't apply to a '{}' object",
            type_name(s)
        ))),
    }
}

/// `self` of a mutating method: a `set` (not a frozenset).
fn mset<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PySet)> {
    crate::objects::sequtil::this::<PySet>(args, meth, "set")
}

/// A new empty set of `like`'s base type (set or frozenset): make_new_set_basetype.
fn new_like(like: &Value, t: SetTable) -> Value {
    if is_frozen(like) { new_frozenset_from_table(t) } else { new_set_from_table(t) }
}

fn table_of(v: &Value) -> Option<&PySet> {
    any_set(v)
}

/// set_copy: a new set/frozenset of `v`'s base type with its entries (set_merge order).
fn copy_of(vm: &mut Vm, v: &Value, s: &PySet) -> PyResult {
    let r = new_like(v, SetTable::default());
    if let Some(rs) = table_of(&r) {
        rs.merge(vm, s)?;
    }
    Ok(r)
}

/// The hash of `key` for a lookup; an unhashable `set` is looked up as a frozenset.
fn lookup_hash(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            if key.downcast::<PySet>().is_some() && e.matches(&crate::objects::registry::exc().type_error) {
                let f = frozenset_from_iter(vm, key)?;
                let h = vm.hash(&f)?;
                Ok((f, h))
            } else {
                Err(e)
            }
        }
    }
}

pub fn contains(vm: &mut Vm, s: &PySet, key: &Value) -> PyResult<bool> {
    let (k, h) = lookup_hash(vm, key)?;
    s.contains_hashed(vm, &k, h)
}

fn set_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().set)?;
    let s = new_set_from_table(SetTable::default());
    Ok(if cls.is(&types().set) { s } else { subclass_instance(cls, s) })
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "__init__")?;
    if args.has_kwargs() && args.pos().first().is_some_and(|v| v.type_of().is(&types().set)) {
        return Err(type_error("set() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("set expected at most 1 argument, got {}", p.len())));
    }
    s.clear();
    if let Some(it) = p.first() {
        s.update(vm, it)?;
    }
    Ok(none())
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().frozenset)?;
    if cls.is(&types().frozenset) && args.has_kwargs() {
        return Err(type_error("frozenset() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("frozenset expected at most 1 argument, got {}", p.len())));
    }
    if cls.is(&types().frozenset) {
        if let Some(x) = p.first() {
            if x.kind() == Kind::FrozenSet {
                return Ok(x.clone());
            }
        }
    }
    let f = match p.first() {
        Some(it) => frozenset_from_iter(vm, it)?,
        None => new_frozenset_from_table(SetTable::default()),
    };
    Ok(if cls.is(&types().frozenset) { f } else { subclass_instance(cls, f) })
}

fn s_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sset(&args, "__len__")?;
    Ok(new_int(s.len() as i64))
}

fn s_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sset(&args, "__contains__")?;
    let k = marg1(&args, "set.__contains__")?;
    Ok(py_bool(contains(vm, s, k)?))
}

/// Iterates a set's table; "Set changed size during iteration" when it does.
pub struct SetIter {
    set: Option<Value>,
    pos: usize,
    used: usize,
    left: usize,
}
impl NativeIter for SetIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(sv) = &self.set else { return Ok(None) };
        let Some(s) = any_set(sv) else { return Ok(None) };
        let t = s.t.borrow();
        if t.used != self.used {
            self.used = usize::MAX;
            return Err(runtime_error("Set changed size during iteration"));
        }
        while self.pos < t.slots.len() {
            let i = self.pos;
            self.pos += 1;
            if let Slot::Active(_, k) = &t.slots[i] {
                self.left = self.left.saturating_sub(1);
                return Ok(Some(k.clone()));
            }
        }
        drop(t);
        self.set = None;
        Ok(None)
    }
    fn length_hint(&self) -> Option<usize> {
        Some(if self.set.is_some() { self.left } else { 0 })
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.set {
            visit(s);
        }
    }
}

fn s_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "__iter__")?;
    let n = s.len();
    Ok(new_native_iter(&types().set_iterator, Box::new(SetIter { set: Some(v.clone()), pos: 0, used: n, left: n })))
}

/// `repr(set)`: `{1, 2}`, `set()`, `frozenset({1})`, `Sub({1})`.
pub fn repr(vm: &mut Vm, v: &Value, s: &PySet) -> PyResult<String> {
    let tn = type_name(v);
    if s.is_empty() {
        return Ok(format!("{tn}()"));
    }
    let Some(_g) = ReprGuard::enter(v) else { return Ok(format!("{tn}(...)")) };
    let mut body = String::from("{");
    for (i, k) in s.keys().iter().enumerate() {
        if i > 0 {
            body.push_str(", ");
        }
        body.push_str(&vm.repr_string(k)?);
    }
    body.push('}');
    if v.kind() == Kind::Set {
        return Ok(body);
    }
    Ok(format!("{tn}({body})"))
}

fn s_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "__repr__")?;
    Ok(crate::objects::str::new_str(repr(vm, v, s)?))
}

fn s_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "copy")?;
    if v.kind() == Kind::FrozenSet {
        return Ok(v.clone());
    }
    copy_of(vm, v, s)
}

fn s_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "add")?;
    let k = marg1(&args, "set.add")?;
    s.add(vm, k.clone())?;
    Ok(none())
}

fn s_discard(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "discard")?;
    let k = marg1(&args, "set.discard")?;
    let (k2, h) = lookup_hash(vm, k)?;
    s.discard_hashed(vm, &k2, h)?;
    Ok(none())
}

fn s_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "remove")?;
    let k = marg1(&args, "set.remove")?;
    let (k2, h) = lookup_hash(vm, k)?;
    if !s.discard_hashed(vm, &k2, h)? {
        return Err(key_error(k.clone()));
    }
    Ok(none())
}

fn s_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "pop")?;
    margs(&args, "pop", 0, 0)?;
    s.pop().ok_or_else(|| PyErr::new(&crate::objects::registry::exc().key_error, "pop from an empty set"))
}

fn s_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "clear")?;
    s.clear();
    Ok(none())
}

/// set_intersection(so, other): a new set of so's base type.
fn intersection(vm: &mut Vm, sov: &Value, so: &PySet, other: &Value) -> PyResult {
    if sov.is(other) {
        return copy_of(vm, sov, so);
    }
    let result = new_like(sov, SetTable::default());
    let Some(rs) = table_of(&result) else { return Ok(result) };
    if let Some(os) = any_set(other) {
        let (a, b) = if os.len() > so.len() { (os, so) } else { (so, os) };
        for (h, k) in b.hashed_keys() {
            if a.contains_hashed(vm, &k, h)? {
                rs.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if so.contains_hashed(vm, &k, h)? {
            rs.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// set_difference_update_internal.
fn difference_update(vm: &mut Vm, sov: &Value, so: &PySet, other: &Value) -> PyResult<()> {
    if sov.is(other) {
        so.clear();
        return Ok(());
    }
    if let Some(os) = any_set(other) {
        for (h, k) in os.hashed_keys() {
            so.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let (k2, h) = lookup_hash(vm, &k)?;
            so.discard_hashed(vm, &k2, h)?;
        }
    }
    let mut t = so.t.borrow_mut();
    if t.fill - t.used > t.mask() / 4 {
        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
        t.resize(n);
    }
    Ok(())
}

/// set_difference(so, other).
fn difference(vm: &mut Vm, sov: &Value, so: &PySet, other: &Value) -> PyResult {
    let other_size = if let Some(os) = any_set(other) {
        Some(os.len())
    } else if other.kind() == Kind::Dict {
        other.payload::<crate::objects::dict::PyDict>().map(|d| d.len())
    } else {
        None
    };
    let copy_and_diff = |vm: &mut Vm| -> PyResult {
        let r = copy_of(vm, sov, so)?;
        if let Some(rs) = table_of(&r) {
            difference_update(vm, &r, rs, other)?;
        }
        Ok(r)
    };
    let Some(osz) = other_size else { return copy_and_diff(vm) };
    if (so.len() >> 2) > osz {
        return copy_and_diff(vm);
    }
    let result = new_like(sov, SetTable::default());
    let Some(rs) = table_of(&result) else { return Ok(result) };
    if let Some(d) = other.payload::<crate::objects::dict::PyDict>() {
        for (h, k) in so.hashed_keys() {
            if d.get_hashed(vm, &k, h)?.is_none() {
                rs.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    if let Some(os) = any_set(other) {
        for (h, k) in so.hashed_keys() {
            if !os.contains_hashed(vm, &k, h)? {
                rs.add_hashed(vm, k, h)?;
            }
        }
    }
    Ok(result)
}

/// set_symmetric_difference_update(so, other).
fn symmetric_difference_update(vm: &mut Vm, sov: &Value, so: &PySet, other: &Value) -> PyResult<()> {
    if sov.is(other) {
        so.clear();
        return Ok(());
    }
    if other.kind() == Kind::Dict {
        if let Some(d) = other.payload::<crate::objects::dict::PyDict>() {
            let entries: Vec<(i64, Value)> = d.table().iter().map(|e| (e.hash, e.key.clone())).collect();
            for (h, k) in entries {
                if !so.discard_hashed(vm, &k, h)? {
                    so.add_hashed(vm, k, h)?;
                }
            }
            return Ok(());
        }
    }
    let keys = match any_set(other) {
        Some(os) => os.hashed_keys(),
        None => {
            let tmp = new_like(sov, SetTable::default());
            let Some(ts) = table_of(&tmp) else { return Ok(()) };
            ts.update(vm, other)?;
            ts.hashed_keys()
        }
    };
    for (h, k) in keys {
        if !so.discard_hashed(vm, &k, h)? {
            so.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// set_symmetric_difference(so, other).
fn symmetric_difference(vm: &mut Vm, sov: &Value, _so: &PySet, other: &Value) -> PyResult {
    let r = new_like(sov, SetTable::default());
    let Some(rs) = table_of(&r) else { return Ok(r) };
    rs.update(vm, other)?;
    symmetric_difference_update(vm, &r, rs, sov)?;
    Ok(r)
}

/// set_issubset(so, other).
fn issubset(vm: &mut Vm, so: &PySet, other: &Value) -> PyResult<bool> {
    let tmp;
    let os = match any_set(other) {
        Some(os) => os,
        None => {
            tmp = crate::objects::set::set_from_iter(vm, other)?;
            match any_set(&tmp) {
                Some(t) => t,
                None => return Ok(false),
            }
        }
    };
    if so.len() > os.len() {
        return Ok(false);
    }
    for (h, k) in so.hashed_keys() {
        if !os.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &mut Vm, sov: &Value, _so: &PySet, other: &Value) -> PyResult<bool> {
    match any_set(other) {
        Some(os) => issubset(vm, os, sov),
        None => {
            let tmp = crate::objects::set::set_from_iter(vm, other)?;
            match any_set(&tmp) {
                Some(ts) => issubset(vm, ts, sov),
                None => Ok(false),
            }
        }
    }
}

fn s_union(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "union")?;
    crate::objects::sequtil::method_no_kwargs(&args, "union")?;
    let r = copy_of(vm, v, s)?;
    if let Some(rs) = table_of(&r) {
        for o in &args.pos()[1..] {
            if o.is(v) {
                continue;
            }
            rs.update(vm, o)?;
        }
    }
    Ok(r)
}

fn s_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "intersection")?;
    crate::objects::sequtil::method_no_kwargs(&args, "intersection")?;
    let others = &args.pos()[1..];
    if others.is_empty() {
        return copy_of(vm, v, s);
    }
    let mut result = v.clone();
    for o in others {
        let r = match table_of(&result) {
            Some(rs) => intersection(vm, &result, rs, o)?,
            None => break,
        };
        result = r;
    }
    Ok(result)
}

fn s_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "difference")?;
    crate::objects::sequtil::method_no_kwargs(&args, "difference")?;
    let others = &args.pos()[1..];
    if others.is_empty() {
        return copy_of(vm, v, s);
    }
    let r = difference(vm, v, s, &others[0])?;
    if let Some(rs) = table_of(&r) {
        for o in &others[1..] {
            difference_update(vm, &r, rs, o)?;
        }
    }
    Ok(r)
}

fn s_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "symmetric_difference")?;
    let o = marg1(&args, "symmetric_difference")?;
    symmetric_difference(vm, v, s, o)
}

fn s_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = mset(&args, "update")?;
    crate::objects::sequtil::method_no_kwargs(&args, "update")?;
    for o in &args.pos()[1..] {
        s.update(vm, o)?;
    }
    Ok(none())
}

fn s_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = mset(&args, "intersection_update")?;
    crate::objects::sequtil::method_no_kwargs(&args, "intersection_update")?;
    let mut result = v.clone();
    for o in &args.pos()[1..] {
        let r = match table_of(&result) {
            Some(rs) => intersection(vm, &result, rs, o)?,
            None => break,
        };
        result = r;
    }
    if !result.is(v) {
        if let Some(rs) = table_of(&result) {
            let t = rs.t.borrow().clone();
            s.replace_table(t);
        }
    }
    Ok(none())
}

fn s_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = mset(&args, "difference_update")?;
    crate::objects::sequtil::method_no_kwargs(&args, "difference_update")?;
    for o in &args.pos()[1..] {
        difference_update(vm, v, s, o)?;
    }
    Ok(none())
}

fn s_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = mset(&args, "symmetric_difference_update")?;
    let o = marg1(&args, "symmetric_difference_update")?;
    symmetric_difference_update(vm, v, s, o)?;
    Ok(none())
}

fn s_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sset(&args, "issubset")?;
    let o = marg1(&args, "issubset")?;
    Ok(py_bool(issubset(vm, s, o)?))
}

fn s_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "issuperset")?;
    let o = marg1(&args, "issuperset")?;
    Ok(py_bool(issuperset(vm, v, s, o)?))
}

fn s_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "isdisjoint")?;
    let o = marg1(&args, "isdisjoint")?;
    if v.is(o) {
        return Ok(py_bool(s.is_empty()));
    }
    if let Some(os) = any_set(o) {
        let (a, b) = if os.len() > s.len() { (os, s) } else { (s, os) };
        for (h, k) in b.hashed_keys() {
            if a.contains_hashed(vm, &k, h)? {
                return Ok(py_bool(false));
            }
        }
        return Ok(py_bool(true));
    }
    let it = vm.iter(o)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if s.contains_hashed(vm, &k, h)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

/// Binary operator: both operands must be sets/frozensets, else NotImplemented.
fn binop(vm: &mut Vm, args: &Args<'_>, name: &str, reflected: bool) -> PyResult {
    let (v, s) = sset(args, name)?;
    let o = marg1(args, name)?;
    let Some(os) = any_set(o) else { return Ok(not_implemented()) };
    let (av, a, bv) = if reflected { (o, os, v) } else { (v, s, o) };
    match name {
        "__or__" | "__ror__" => {
            let r = copy_of(vm, av, a)?;
            if !av.is(bv) {
                if let Some(rs) = table_of(&r) {
                    rs.update(vm, bv)?;
                }
            }
            Ok(r)
        }
        "__and__" | "__rand__" => intersection(vm, av, a, bv),
        "__sub__" | "__rsub__" => difference(vm, av, a, bv),
        _ => symmetric_difference(vm, av, a, bv),
    }
}

fn s_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__or__", false)
}
fn s_and(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__and__", false)
}
fn s_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__sub__", false)
}
fn s_xor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__xor__", false)
}
fn s_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__ror__", true)
}
fn s_rand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__rand__", true)
}
fn s_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__rsub__", true)
}
fn s_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    binop(vm, &args, "__rxor__", true)
}

fn inplace(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let (v, s) = mset(args, name)?;
    let o = marg1(args, name)?;
    if any_set(o).is_none() {
        return Ok(not_implemented());
    }
    match name {
        "__ior__" => s.update(vm, o)?,
        "__iand__" => {
            let r = intersection(vm, v, s, o)?;
            if let Some(rs) = table_of(&r) {
                let t = rs.t.borrow().clone();
                s.replace_table(t);
            }
        }
        "__isub__" => difference_update(vm, v, s, o)?,
        _ => symmetric_difference_update(vm, v, s, o)?,
    }
    Ok(v.clone())
}

fn s_ior(vm: &mut Vm, args: Args<'_>) -> PyResult {
    inplace(vm, &args, "__ior__")
}
fn s_iand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    inplace(vm, &args, "__iand__")
}
fn s_isub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    inplace(vm, &args, "__isub__")
}
fn s_ixor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    inplace(vm, &args, "__ixor__")
}

/// Rich comparison between two sets (subset order).
pub fn compare(vm: &mut Vm, v: &Value, s: &PySet, o: &Value, op: CmpOp) -> PyResult {
    let Some(os) = any_set(o) else { return Ok(not_implemented()) };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if s.len() != os.len() {
                false
            } else {
                let (hv, ho) = (
                    v.downcast::<PyFrozenSet>().map(|f| f.hash.get()),
                    o.downcast::<PyFrozenSet>().map(|f| f.hash.get()),
                );
                match (hv, ho) {
                    (Some(a), Some(b)) if a != i64::MIN && b != i64::MIN && a != b => false,
                    _ => issubset(vm, s, o)?,
                }
            };
            if op == CmpOp::Eq { eq } else { !eq }
        }
        CmpOp::Le => issubset(vm, s, o)?,
        CmpOp::Ge => issubset(vm, os, v)?,
        CmpOp::Lt => s.len() < os.len() && issubset(vm, s, o)?,
        CmpOp::Gt => s.len() > os.len() && issubset(vm, os, v)?,
    };
    Ok(py_bool(r))
}

fn cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (v, s) = sset(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    compare(vm, v, s, o, op)
}
fn s_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Eq)
}
fn s_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Ne)
}
fn s_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Lt)
}
fn s_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Le)
}
fn s_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Gt)
}
fn s_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    cmp(vm, args, CmpOp::Ge)
}

fn fs_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, f) = crate::objects::sequtil::this::<PyFrozenSet>(&args, "__hash__", "frozenset")?;
    let h = f.hash.get();
    if h != i64::MIN {
        return Ok(new_int(h));
    }
    let h = frozenset_hash(&f.s);
    f.hash.set(h);
    Ok(new_int(h))
}

fn s_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sset(&args, "__reduce__")?;
    let keys = crate::objects::list::new_list(s.keys());
    let _ = vm;
    Ok(crate::objects::tuple::new_tuple(vec![
        v.type_of().clone(),
        crate::objects::tuple::new_tuple(vec![keys]),
        none(),
    ]))
}

fn s_sizeof(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sset(&args, "__sizeof__")?;
    let n = s.t.borrow().slots.len();
    Ok(new_int(200 + if n > 8 { 16 * n as i64 } else { 0 }))
}

#[allow(dead_code)]
fn _unused() -> Cell<u8> {
    let _ = layout::alloc::<PySet>;
    Cell::new(0)
}

/// Registers the methods of `set` and `frozenset`.
pub fn init() {
    let t = types();
    add_staticmethod(&t.set, "__new__", set_new);
    add_method(&t.set, "__init__", set_init);
    add_staticmethod(&t.frozenset, "__new__", frozenset_new);
    for ty in [&t.set, &t.frozenset] {
        add_method(ty, "__len__", s_len);
        add_method(ty, "__contains__", s_contains);
        add_method(ty, "__iter__", s_iter);
        add_method(ty, "__repr__", s_repr);
        add_method(ty, "copy", s_copy);
        add_method(ty, "union", s_union);
        add_method(ty, "intersection", s_intersection);
        add_method(ty, "difference", s_difference);
        add_method(ty, "symmetric_difference", s_symmetric_difference);
        add_method(ty, "issubset", s_issubset);
        add_method(ty, "issuperset", s_issuperset);
        add_method(ty, "isdisjoint", s_isdisjoint);
        add_method(ty, "__or__", s_or);
        add_method(ty, "__and__", s_and);
        add_method(ty, "__sub__", s_sub);
        add_method(ty, "__xor__", s_xor);
        add_method(ty, "__ror__", s_ror);
        add_method(ty, "__rand__", s_rand);
        add_method(ty, "__rsub__", s_rsub);
        add_method(ty, "__rxor__", s_rxor);
        add_method(ty, "__eq__", s_eq);
        add_method(ty, "__ne__", s_ne);
        add_method(ty, "__lt__", s_lt);
        add_method(ty, "__le__", s_le);
        add_method(ty, "__gt__", s_gt);
        add_method(ty, "__ge__", s_ge);
        add_method(ty, "__reduce__", s_reduce);
        add_method(ty, "__sizeof__", s_sizeof);
    }
    let s = &t.set;
    add_method(s, "add", s_add);
    add_method(s, "discard", s_discard);
    add_method(s, "remove", s_remove);
    add_method(s, "pop", s_pop);
    add_method(s, "clear", s_clear);
    add_method(s, "update", s_update);
    add_method(s, "intersection_update", s_intersection_update);
    add_method(s, "difference_update", s_difference_update);
    add_method(s, "symmetric_difference_update", s_symmetric_difference_update);
    add_method(s, "__ior__", s_ior);
    add_method(s, "__iand__", s_iand);
    add_method(s, "__isub__", s_isub);
    add_method(s, "__ixor__", s_ixor);
    if let Some(tp) = s.as_type() {
        tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
    }
    add_method(&t.frozenset, "__hash__", fs_hash);
}
