//! `tuple`: an immutable sequence of values, hashed with CPython's xxHash-based algorithm.

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::iter::{TupleIter, new_native_iter};
use crate::objects::list::has_user_reflected;
use crate::objects::sequtil::{
    ReprGuard, SeqRef, SubKey, marg1, margs, new_cls, new_for_class, norm_index, opt_range, repeat, repeat_count,
    subscript_key, this,
};
use crate::objects::{Trace, not_implemented, py_bool, types};
use crate::values::{Value, layout};
use crate::vm::errors::{index_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyTuple(pub Box<[Value]>);
impl Drop for PyTuple {
    fn drop(&mut self) {
        crate::objects::list::release_reversed(std::mem::take(&mut self.0).into_vec());
    }
}
impl Trace for PyTuple {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.0.iter() {
            visit(v);
        }
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return super::registry::singletons().empty_tuple.clone();
    }
    layout::alloc(&types().tuple, PyTuple(items.into_boxed_slice()))
}

impl Value {
    /// The items, if this is a tuple (or a subclass instance).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        self.downcast::<PyTuple>().map(|t| &t.0[..])
    }
}

fn tself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a [Value])> {
    this::<PyTuple>(args, meth, "tuple").map(|(s, t)| (s, &t.0[..]))
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's tuple hash over item hashes (also used by other hashable sequences).
pub fn hash_items(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX { 1546275796 } else { acc as i64 }
}

/// `hash(tuple)`.
pub fn hash(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    let mut hs = Vec::with_capacity(items.len());
    for x in items {
        hs.push(vm.hash(x)?);
    }
    Ok(hash_items(hs.into_iter()))
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().tuple)?;
    if cls.is(&types().tuple) && args.has_kwargs() {
        return Err(type_error("tuple() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("tuple expected at most 1 argument, got {}", p.len())));
    }
    let t = match p.first() {
        None => new_tuple(Vec::new()),
        Some(x) if x.payload::<PyTuple>().is_some() => x.clone(),
        Some(x) => new_tuple(vm.to_vec(x)?),
    };
    Ok(new_for_class(cls, &types().tuple, t))
}

fn tuple_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__len__")?;
    margs(&args, "__len__", 0, 0)?;
    Ok(new_int(t.len() as i64))
}

fn find(vm: &mut Vm, t: &[Value], x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    for (i, item) in t.iter().enumerate().take(stop.min(t.len())).skip(start) {
        if item.is(x) || vm.eq(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "count")?;
    let x = marg1(&args, "tuple.count")?;
    let mut n = 0;
    for item in t {
        if item.is(x) || vm.eq(item, x)? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "index")?;
    let a = margs(&args, "index", 1, 3)?;
    let (start, stop) = opt_range(vm, a.get(1), a.get(2), t.len())?;
    match find(vm, t, &a[0], start, stop)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__contains__")?;
    let x = marg1(&args, "tuple.__contains__")?;
    Ok(py_bool(find(vm, t, x, 0, usize::MAX)?.is_some()))
}

/// `t[key]`.
pub fn getitem(vm: &mut Vm, s: &Value, t: &[Value], key: &Value) -> PyResult {
    if let Some(i) = key.as_small() {
        let n = t.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(index_error("tuple index out of range"));
        }
        return Ok(t[j as usize].clone());
    }
    match subscript_key(vm, key, t.len(), "tuple")? {
        SubKey::Index(i) => Ok(t[norm_index(i, t.len(), "tuple")?].clone()),
        SubKey::Slice(sl) => {
            if sl.step == 1 && sl.len == t.len() && s.payload::<PyTuple>().is_some() {
                return Ok(s.clone());
            }
            Ok(new_tuple(sl.positions().filter_map(|p| t.get(p).cloned()).collect()))
        }
    }
}

fn tuple_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, t) = tself(&args, "__getitem__")?;
    let k = marg1(&args, "tuple.__getitem__")?;
    getitem(vm, s, t, k)
}

fn tuple_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__add__")?;
    let o = marg1(&args, "tuple.__add__")?;
    match o.as_tuple() {
        Some(ot) => {
            let mut v = t.to_vec();
            v.extend_from_slice(ot);
            Ok(new_tuple(v))
        }
        None if has_user_reflected(vm, o, "__radd__") => Ok(not_implemented()),
        None => Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", type_name(o)))),
    }
}

fn tuple_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, t) = tself(&args, "__mul__")?;
    let o = marg1(&args, "tuple.__mul__")?;
    match repeat_count(vm, o)? {
        Some(1) if s.payload::<PyTuple>().is_some() => Ok(s.clone()),
        Some(n) => Ok(new_tuple(repeat(t, n)?)),
        None if has_user_reflected(vm, o, "__rmul__") => Ok(not_implemented()),
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(o)))),
    }
}

fn tuple_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__rmul__")?;
    let o = marg1(&args, "tuple.__rmul__")?;
    match repeat_count(vm, o)? {
        Some(n) => Ok(new_tuple(repeat(t, n)?)),
        None => Ok(not_implemented()),
    }
}

fn tuple_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, t) = tself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(ot) = o.as_tuple() else { return Ok(not_implemented()) };
    crate::objects::sequtil::seq_compare(vm, SeqRef::Tuple(t), SeqRef::Tuple(ot), op)
}

fn tuple_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Eq)
}
fn tuple_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Ne)
}
fn tuple_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Lt)
}
fn tuple_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Le)
}
fn tuple_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Gt)
}
fn tuple_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tuple_cmp(vm, args, CmpOp::Ge)
}

fn tuple_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__hash__")?;
    Ok(new_int(hash(vm, t)?))
}

/// `repr(tuple)`.
pub fn repr(vm: &mut Vm, s: &Value, t: &[Value]) -> PyResult<String> {
    if t.is_empty() {
        return Ok("()".into());
    }
    let Some(_g) = ReprGuard::enter(s) else { return Ok("(...)".into()) };
    let mut out = String::from("(");
    for (i, item) in t.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(item)?);
    }
    if t.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(out)
}

fn tuple_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, t) = tself(&args, "__repr__")?;
    Ok(crate::objects::str::new_str(repr(vm, s, t)?))
}

pub(crate) fn tuple_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = tself(&args, "__iter__")?;
    Ok(new_native_iter(&types().tuple_iterator, Box::new(TupleIter { tuple: Some(s.clone()), index: 0 })))
}

fn tuple_getnewargs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = tself(&args, "__getnewargs__")?;
    Ok(new_tuple(vec![new_tuple(t.to_vec())]))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().tuple;
    add_staticmethod(t, "__new__", tuple_new);
    add_method(t, "count", tuple_count);
    add_method(t, "index", tuple_index);
    add_method(t, "__len__", tuple_len);
    add_method(t, "__getitem__", tuple_getitem);
    add_method(t, "__add__", tuple_add);
    add_method(t, "__mul__", tuple_mul);
    add_method(t, "__rmul__", tuple_rmul);
    add_method(t, "__contains__", tuple_contains);
    add_method(t, "__eq__", tuple_eq);
    add_method(t, "__ne__", tuple_ne);
    add_method(t, "__lt__", tuple_lt);
    add_method(t, "__le__", tuple_le);
    add_method(t, "__gt__", tuple_gt);
    add_method(t, "__ge__", tuple_ge);
    add_method(t, "__hash__", tuple_hash);
    add_method(t, "__repr__", tuple_repr);
    add_method(t, "__iter__", tuple_iter);
    add_method(t, "__getnewargs__", tuple_getnewargs);
}
