//! Operator fast paths of the loop: small ints, floats and str compares without a
//! method lookup (the generic path is `vm.binary_op`/`vm.compare`/`vm.getitem`).

use std::cell::Cell;

use crate::bytecode::code::Code;
use crate::bytecode::opcode::{BinOp, CmpOp, Op};
use crate::objects::dict::PyDict;
use crate::objects::float::{PyFloat, new_float};
use crate::objects::int::small;
use crate::objects::list::PyList;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::values::{Kind, Value, layout};
use crate::vm::frame::Frame;

use super::name_at;

/// `list[i]`/`tuple[i]`/`array[i]` with a small int index in range.
#[inline]
pub(crate) fn fast_subscr(c: &Value, key: &Value) -> Option<Value> {
    let i = key.as_small()?;
    match c.kind() {
        Kind::List => {
            let l = c.payload::<PyList>()?;
            let items = l.0.borrow();
            let n = items.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) { Some(items[j as usize].clone()) } else { None }
        }
        Kind::Tuple => {
            let t = c.payload::<PyTuple>()?;
            let n = t.0.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) { Some(t.0[j as usize].clone()) } else { None }
        }
        Kind::Native => crate::builtins::array::fast_getitem(c, key),
        _ => None,
    }
}

/// `list[i] = v` for an exact list and a small int index in range (what the loop and
/// compiled code do without a method lookup); gives `v` back otherwise.
#[inline]
pub(crate) fn fast_store_subscr(c: &Value, key: &Value, v: Value) -> Result<(), Value> {
    if c.kind() == Kind::Native && crate::builtins::array::fast_setitem(c, key, &v) {
        return Ok(());
    }
    if let (Some(l), Some(i)) = (c.payload::<PyList>(), key.as_small()) {
        if let Ok(mut items) = l.0.try_borrow_mut() {
            let n = items.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if let Some(slot) = usize::try_from(j).ok().filter(|_| j < n).and_then(|j| items.get_mut(j)) {
                let old = std::mem::replace(slot, v);
                drop(items);
                drop(old);
                return Ok(());
            }
        }
    }
    Err(v)
}

/// Small-int (the `int::small` core) and float arithmetic without a method lookup. Takes
/// the operands; gives them back when no fast path applies. A float result reuses an
/// operand float object nothing else references (CPython allocates one per operation;
/// this skips the allocator in float-heavy loops).
#[inline]
pub(crate) fn fast_binop(a: Value, b: Value, op: BinOp) -> Result<Value, (Value, Value)> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return small::binop_common(x, y, op).ok_or((a, b));
    }
    let fa = match a.payload::<PyFloat>() {
        Some(f) => f.0,
        None => match a.as_small().filter(|_| b.kind() == Kind::Float) {
            Some(i) => i as f64,
            None => return Err((a, b)),
        },
    };
    let fb = match b.payload::<PyFloat>() {
        Some(f) => f.0,
        None => match b.as_small().filter(|_| a.kind() == Kind::Float) {
            Some(i) => i as f64,
            None => return Err((a, b)),
        },
    };
    let r = match op {
        BinOp::Add => fa + fb,
        BinOp::Sub => fa - fb,
        BinOp::Mul => fa * fb,
        BinOp::TrueDiv if fb != 0.0 => fa / fb,
        // float ** float: the errors (and complex results) come from the generic path.
        BinOp::Pow if a.kind() == Kind::Float && b.kind() == Kind::Float => {
            match crate::objects::float::float_pow(fa, fb) {
                Ok(r) => return Ok(r),
                Err(_) => return Err((a, b)),
            }
        }
        _ => return Err((a, b)),
    };
    Ok(reuse_float(a, b, r))
}

/// A float holding `r`, written into `a` or `b` when that object is otherwise unreferenced.
#[inline]
fn reuse_float(mut a: Value, mut b: Value, r: f64) -> Value {
    if let Some(p) = layout::unique_payload_mut::<PyFloat>(&mut a) {
        p.0 = r;
        return a;
    }
    if let Some(p) = layout::unique_payload_mut::<PyFloat>(&mut b) {
        p.0 = r;
        return b;
    }
    new_float(r)
}

/// `-x` of an exact float, in place when `x` is otherwise unreferenced.
#[inline]
pub(super) fn float_neg(mut a: Value) -> Result<Value, Value> {
    let Some(x) = a.payload::<PyFloat>().map(|f| f.0) else { return Err(a) };
    if let Some(p) = layout::unique_payload_mut::<PyFloat>(&mut a) {
        p.0 = -x;
        return Ok(a);
    }
    Ok(new_float(-x))
}

#[inline]
pub(crate) fn fast_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Some(small::compare(x, y, op));
    }
    if let (Some(x), Some(y)) = (a.payload::<PyFloat>(), b.payload::<PyFloat>()) {
        let (x, y) = (x.0, y.0);
        return Some(op.apply(&x, &y));
    }
    if let (Some(x), Some(y)) = (a.payload::<PyStr>(), b.payload::<PyStr>()) {
        return Some(cmp_with(op, x.as_str().cmp(y.as_str())));
    }
    None
}

#[inline]
fn cmp_with(op: CmpOp, o: std::cmp::Ordering) -> bool {
    op.holds(Some(o))
}

/// `s += t` on exact strs, then `s = ...`: drops the variable's reference first so the str
/// can grow in place (CPython's unicode_concatenate). Gives the operands back when the
/// str is shared after all.
#[inline(never)]
pub(super) fn str_iadd(f: &mut Frame, code: &Code, pc: usize, mut a: Value, b: Value) -> Result<Value, (Value, Value)> {
    if let Some(next) = code.instrs.get(pc + 1).map(Cell::get) {
        if next.op == Op::StoreFast {
            if let Some(slot) = f.slots.locals_mut().get_mut(next.arg as usize) {
                if slot.as_ref().is_some_and(|v| v.is(&a)) {
                    *slot = None;
                }
            }
        } else if next.op == Op::StoreName {
            let d = f.locals.as_ref().and_then(|l| l.payload::<PyDict>());
            if let (Some(d), Ok(name)) = (d, name_at(code, next.arg)) {
                let name_s = name.as_str().unwrap_or("");
                if d.get_str(name_s).is_some_and(|v| v.is(&a)) {
                    d.set_str(name.clone(), crate::objects::none());
                }
            }
        }
    }
    if crate::objects::str::append_in_place(&mut a, b.as_str().unwrap_or("")) {
        return Ok(a);
    }
    Err((a, b))
}
