//! `range`: an immutable arithmetic sequence over arbitrary-precision ints, with
//! machine-int fast paths for length, indexing, membership and iteration.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::{new_bigint, new_int, to_bigint};
use crate::objects::iter::{LongRangeIter, RangeIter, new_native_iter};
use crate::objects::sequtil::{add_getter, index_bigint, marg1, margs, slice_indices, this};
use crate::objects::slice::PySlice;
use crate::objects::{Trace, false_, none, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{index_error, overflow_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyRange {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for PyRange {}

fn big(v: &Value) -> BigInt {
    to_bigint(v).unwrap_or_default()
}

impl PyRange {
    /// (start, stop, step) as machine ints, when all fit.
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        Some((self.start.as_small()?, self.stop.as_small()?, self.step.as_small()?))
    }
    /// The number of items (exact, arbitrary precision).
    pub fn len_big(&self) -> BigInt {
        if let Some((a, b, s)) = self.small() {
            return BigInt::from(len_i64(a, b, s));
        }
        let (a, b, s) = (big(&self.start), big(&self.stop), big(&self.step));
        len_bigint(&a, &b, &s)
    }
    /// The item at position `i` (0 <= i < len).
    fn item(&self, i: &BigInt) -> BigInt {
        big(&self.start) + big(&self.step) * i
    }
}

fn len_i64(a: i64, b: i64, s: i64) -> i64 {
    // Small ints are 62-bit, so the differences below cannot overflow i64.
    if s > 0 {
        if a < b { (b - a - 1) / s + 1 } else { 0 }
    } else if a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    }
}

fn len_bigint(a: &BigInt, b: &BigInt, s: &BigInt) -> BigInt {
    if s.is_positive() {
        if a < b { (b - a - 1) / s + 1 } else { BigInt::zero() }
    } else if a > b {
        (a - b - 1) / (-s) + 1
    } else {
        BigInt::zero()
    }
}

pub fn new_range(start: Value, stop: Value, step: Value) -> Value {
    layout::alloc(&types().range, PyRange { start, stop, step })
}

fn rself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyRange)> {
    this::<PyRange>(args, meth, "range")
}

fn as_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_small() || v.kind() == Kind::Int {
        return Ok(v.clone());
    }
    match index_bigint(vm, v)? {
        Some(b) => Ok(new_bigint(b)),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("range")?;
    let p = &args.pos()[1.min(args.pos().len())..];
    let (start, stop, step) = match p.len() {
        1 => (new_int(0), as_int(vm, &p[0])?, new_int(1)),
        2 => (as_int(vm, &p[0])?, as_int(vm, &p[1])?, new_int(1)),
        3 => (as_int(vm, &p[0])?, as_int(vm, &p[1])?, as_int(vm, &p[2])?),
        n => return Err(crate::vm::args::arg_count_error("range", 1, 3, n)),
    };
    if step.as_small() == Some(0) {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

fn range_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__len__")?;
    let n = r.len_big();
    match n.to_i64() {
        Some(i) => Ok(new_int(i)),
        None => Err(overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_bool(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__bool__")?;
    Ok(py_bool(!r.len_big().is_zero()))
}

fn range_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__getitem__")?;
    let k = marg1(&args, "range.__getitem__")?;
    if let Some(s) = k.payload::<PySlice>() {
        let len =
            r.len_big().to_usize().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?;
        let si = slice_indices(vm, s, len)?;
        let step = big(&r.step);
        let start = big(&r.start) + &step * si.start;
        let stop = big(&r.start) + &step * si.stop;
        let nstep = step * si.step;
        return Ok(new_range(new_bigint(start), new_bigint(stop), new_bigint(nstep)));
    }
    let Some(i) = index_bigint(vm, k)? else {
        return Err(type_error(format!("range indices must be integers or slices, not {}", type_name(k))));
    };
    if let (Some((a, b, s)), Some(i)) = (r.small(), i.to_i64()) {
        let n = len_i64(a, b, s);
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(index_error("range object index out of range"));
        }
        return Ok(new_int(a + j * s));
    }
    let n = r.len_big();
    let j = if i.is_negative() { i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(index_error("range object index out of range"));
    }
    Ok(new_bigint(r.item(&j)))
}

/// The position of int `x` in the range, if present.
fn position(r: &PyRange, x: &BigInt) -> Option<BigInt> {
    let (a, s) = (big(&r.start), big(&r.step));
    let n = r.len_big();
    if n.is_zero() {
        return None;
    }
    let d = x - &a;
    let (q, rem) = d.div_rem(&s);
    if !rem.is_zero() || q.is_negative() || q >= n { None } else { Some(q) }
}

fn is_exact_int(v: &Value) -> bool {
    matches!(v.kind(), Kind::SmallInt | Kind::Int | Kind::Bool)
}

fn range_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, r) = rself(&args, "__contains__")?;
    let x = marg1(&args, "range.__contains__")?;
    if let (Some(xi), Some((a, b, st))) = (x.as_small(), r.small()) {
        let inside = if st > 0 { a <= xi && xi < b } else { b < xi && xi <= a };
        return Ok(py_bool(inside && (xi - a) % st == 0));
    }
    if is_exact_int(x) {
        return Ok(py_bool(position(r, &big(x)).is_some()));
    }
    let it = range_iter_of(s, r);
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            return Ok(py_bool(true));
        }
    }
    Ok(false_())
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, r) = rself(&args, "index")?;
    let x = marg1(&args, "range.index")?;
    if is_exact_int(x) {
        if let Some(p) = position(r, &big(x)) {
            return Ok(new_bigint(p));
        }
    } else {
        let it = range_iter_of(s, r);
        let mut i = 0i64;
        while let Some(v) = vm.next(&it)? {
            if vm.eq(&v, x)? {
                return Ok(new_int(i));
            }
            i += 1;
        }
    }
    let rep = vm.repr_string(x)?;
    Err(value_error(format!("{rep} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, r) = rself(&args, "count")?;
    let x = marg1(&args, "range.count")?;
    if is_exact_int(x) {
        return Ok(new_int(position(r, &big(x)).is_some() as i64));
    }
    let it = range_iter_of(s, r);
    let mut n = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

pub(crate) fn range_iter_of(_s: &Value, r: &PyRange) -> Value {
    if let Some((a, b, st)) = r.small() {
        let n = len_i64(a, b, st);
        return new_native_iter(
            &types().range_iterator,
            Box::new(RangeIter { next: a, step: st, remaining: n as u64 }),
        );
    }
    new_native_iter(
        &types().longrange_iterator,
        Box::new(LongRangeIter { next: big(&r.start), step: big(&r.step), remaining: r.len_big() }),
    )
}

fn range_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, r) = rself(&args, "__iter__")?;
    Ok(range_iter_of(s, r))
}

fn range_reversed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__reversed__")?;
    if let Some((a, b, st)) = r.small() {
        let n = len_i64(a, b, st);
        let last = a + (n - 1) * st;
        return Ok(new_native_iter(
            &types().range_iterator,
            Box::new(RangeIter { next: last, step: -st, remaining: n.max(0) as u64 }),
        ));
    }
    let n = r.len_big();
    let last = r.item(&(&n - BigInt::one()));
    Ok(new_native_iter(
        &types().longrange_iterator,
        Box::new(LongRangeIter { next: last, step: -big(&r.step), remaining: n }),
    ))
}

fn range_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__repr__")?;
    let a = vm.repr_string(&r.start)?;
    let b = vm.repr_string(&r.stop)?;
    let s = if r.step.as_small() == Some(1) { String::new() } else { format!(", {}", vm.repr_string(&r.step)?) };
    Ok(crate::objects::str::new_str(format!("range({a}, {b}{s})")))
}

/// Ranges are equal when they describe the same sequence.
fn same(a: &PyRange, b: &PyRange) -> bool {
    let (la, lb) = (a.len_big(), b.len_big());
    if la != lb {
        return false;
    }
    if la.is_zero() {
        return true;
    }
    if big(&a.start) != big(&b.start) {
        return false;
    }
    la.is_one() || big(&a.step) == big(&b.step)
}

fn range_cmp(args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, r) = rself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(or) = o.payload::<PyRange>() else { return Ok(not_implemented()) };
    match op {
        CmpOp::Eq => Ok(py_bool(same(r, or))),
        CmpOp::Ne => Ok(py_bool(!same(r, or))),
        _ => Ok(not_implemented()),
    }
}

fn range_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    range_cmp(args, CmpOp::Eq)
}
fn range_ne(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    range_cmp(args, CmpOp::Ne)
}
fn range_lt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    range_cmp(args, CmpOp::Lt)
}

fn range_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__hash__")?;
    let n = r.len_big();
    let t = if n.is_zero() {
        vec![new_int(0), none(), none()]
    } else if n.is_one() {
        vec![new_int(1), r.start.clone(), none()]
    } else {
        vec![new_bigint(n), r.start.clone(), r.step.clone()]
    };
    let h = crate::objects::tuple::hash(vm, &t)?;
    Ok(new_int(h))
}

fn range_start(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(rself(&args, "start")?.1.start.clone())
}
fn range_stop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(rself(&args, "stop")?.1.stop.clone())
}
fn range_step(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(rself(&args, "step")?.1.step.clone())
}

fn range_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = rself(&args, "__reduce__")?;
    margs(&args, "__reduce__", 0, 0)?;
    Ok(crate::objects::tuple::new_tuple(vec![
        types().range.clone(),
        crate::objects::tuple::new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]),
    ]))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().range;
    add_staticmethod(t, "__new__", range_new);
    add_method(t, "__len__", range_len);
    add_method(t, "__bool__", range_bool);
    add_method(t, "__getitem__", range_getitem);
    add_method(t, "__contains__", range_contains);
    add_method(t, "index", range_index);
    add_method(t, "count", range_count);
    add_method(t, "__iter__", range_iter);
    add_method(t, "__reversed__", range_reversed);
    add_method(t, "__repr__", range_repr);
    add_method(t, "__eq__", range_eq);
    add_method(t, "__ne__", range_ne);
    add_method(t, "__lt__", range_lt);
    add_method(t, "__le__", range_lt);
    add_method(t, "__gt__", range_lt);
    add_method(t, "__ge__", range_lt);
    add_method(t, "__hash__", range_hash);
    add_method(t, "__reduce__", range_reduce);
    add_getter(t, "start", range_start);
    add_getter(t, "stop", range_stop);
    add_getter(t, "step", range_step);
}
