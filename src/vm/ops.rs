//! Operators: binary (with reflected operands and `NotImplemented`), in-place, unary and
//! rich comparison, as CPython's abstract.c/object.c resolve them through the types, with
//! allocation-free fast paths for builtin numbers.

use std::cmp::Ordering;

use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::complex::{PyComplex, complex_binop, complex_eq};
use crate::objects::float::{PyFloat, float_binop, new_float};
use crate::objects::int::{cmp_int_float, cmp_ints, int_binop, int_val, new_int, small};
use crate::objects::py_bool;
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::{Args, PyResult, Vm};

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

/// `hash(i)` for a machine int, as CPython computes it.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// The float value of an exact builtin int/bool/float (no subclasses); `None` otherwise.
/// Ints too large for a float report `Err`.
#[inline]
fn exact_float(v: &Value) -> Option<PyResult<f64>> {
    match v.kind() {
        Kind::Float => v.payload::<PyFloat>().map(|f| Ok(f.0)),
        Kind::SmallInt | Kind::Int | Kind::Bool => int_val(v).map(|i| i.to_f64()),
        _ => None,
    }
}

#[inline]
fn is_exact_int(k: Kind) -> bool {
    matches!(k, Kind::SmallInt | Kind::Int | Kind::Bool)
}

/// `a op b` computed directly when both are exact builtin numbers (no user subclass can
/// intercept); `Ok(None)` to take the general path.
#[inline]
pub fn numeric_binop(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (ka, kb) = (a.kind(), b.kind());
    if is_exact_int(ka) && is_exact_int(kb) {
        if ka == Kind::Bool && kb == Kind::Bool && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (int_val(a), int_val(b)) else { return Ok(None) };
        return int_binop(x, y, op);
    }
    if ka == Kind::Float || kb == Kind::Float {
        if let (Some(x), Some(y)) = (exact_float(a), exact_float(b)) {
            return float_binop(x?, y?, op);
        }
        return Ok(None);
    }
    if ka == Kind::Complex || kb == Kind::Complex {
        let c = |v: &Value| -> Option<PyResult<(f64, f64)>> {
            match v.payload::<PyComplex>() {
                Some(c) => Some(Ok((c.re, c.im))),
                None => exact_float(v).map(|f| f.map(|f| (f, 0.0))),
            }
        };
        if let (Some(x), Some(y)) = (c(a), c(b)) {
            return complex_binop(x?, y?, op);
        }
    }
    Ok(None)
}

/// Ordering of two exact builtin reals; `Some(None)` when unordered (NaN), `None` when
/// they are not both exact builtin reals.
#[inline]
pub fn numeric_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let (ka, kb) = (a.kind(), b.kind());
    match (ka, kb) {
        _ if is_exact_int(ka) && is_exact_int(kb) => Some(Some(cmp_ints(int_val(a)?, int_val(b)?))),
        (Kind::Float, Kind::Float) => Some(a.payload::<PyFloat>()?.0.partial_cmp(&b.payload::<PyFloat>()?.0)),
        (Kind::Float, _) if is_exact_int(kb) => {
            Some(cmp_int_float(int_val(b)?, a.payload::<PyFloat>()?.0).map(|o| o.reverse()))
        }
        (_, Kind::Float) if is_exact_int(ka) => Some(cmp_int_float(int_val(a)?, b.payload::<PyFloat>()?.0)),
        _ => None,
    }
}

fn cmp_result(o: Option<Ordering>, op: CmpOp) -> bool {
    op.holds(o)
}

impl Vm {
    /// `a op b` (or `a op= b` when `inplace`).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        if let (Some(x), Some(y)) = (a.as_small(), b.as_small())
            && let Some(r) = small::binop(x, y, op)
        {
            return Ok(r);
        }
        if let Some(r) = numeric_binop(a, b, op)? {
            return Ok(r);
        }
        if let Some(r) = self.str_binop(a, b, op)? {
            return Ok(r);
        }
        let (fwd, rev, inp) = op.dunders();
        if inplace && let Some(f) = self.lookup_special(a, inp) {
            let r = self.call(&f, Args::positional_only(&[a.clone(), b.clone()]))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if let Some(r) = self.binary_dunders(a, b, fwd, rev)? {
            return Ok(r);
        }
        let sym = op.symbol();
        if op == BinOp::Pow && !inplace {
            return Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            )));
        }
        let sym = if inplace { format!("{sym}=") } else { sym.to_owned() };
        Err(type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b))))
    }

    /// `str + str`, `str % x`, `str * int` for an exact `str` on the left, without the
    /// dunder lookups: `str` has no in-place dunders, and only a user subclass on the right
    /// (an `Instance`) could get its reflected method in first.
    #[inline]
    fn str_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        let Some(s) = a.payload::<crate::objects::str::PyStr>() else { return Ok(None) };
        if b.kind() == crate::values::Kind::Instance {
            return Ok(None);
        }
        match op {
            BinOp::Add => match b.payload::<crate::objects::str::PyStr>() {
                Some(t) => Ok(Some(crate::objects::str::concat(s.as_str(), t.as_str()))),
                None => Ok(None),
            },
            BinOp::Mod => {
                Ok(Some(crate::objects::str::new_str(crate::objects::str::percent::format(self, s.as_str(), b)?)))
            }
            BinOp::Mul => match b.as_small() {
                Some(n) => crate::objects::str::repeat_str(s.as_str(), n).map(Some),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// CPython's binary_op1 over dunders: `a.fwd(b)`, then `b.rev(a)`, except that a
    /// subclass of `a`'s type overriding `rev` goes first. `None` when all returned
    /// `NotImplemented` (or were missing).
    pub fn binary_dunders(&mut self, a: &Value, b: &Value, fwd: &str, rev: &str) -> PyResult<Option<Value>> {
        let ta = a.type_of().clone();
        let tb = b.type_of().clone();
        let fa = self.lookup_special(a, fwd);
        let mut rb = if ta.is(&tb) { None } else { self.lookup_special(b, rev) };
        if let Some(r) = rb.clone()
            && is_subtype(&tb, &ta)
        {
            let ra = self.lookup_special(a, rev);
            if !ra.is_some_and(|ra| ra.is(&r)) {
                let res = self.call(&r, Args::positional_only(&[b.clone(), a.clone()]))?;
                if !res.is_not_implemented() {
                    return Ok(Some(res));
                }
                rb = None;
            }
        }
        if let Some(f) = fa {
            let res = self.call(&f, Args::positional_only(&[a.clone(), b.clone()]))?;
            if !res.is_not_implemented() {
                return Ok(Some(res));
            }
        }
        if let Some(f) = rb {
            let res = self.call(&f, Args::positional_only(&[b.clone(), a.clone()]))?;
            if !res.is_not_implemented() {
                return Ok(Some(res));
            }
        }
        Ok(None)
    }

    /// Rich comparison `a op b`, returning whatever the dunder returned.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
            return Ok(py_bool(small::compare(x, y, op)));
        }
        if let Some(o) = numeric_cmp(a, b) {
            return Ok(py_bool(cmp_result(o, op)));
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && (a.kind() == Kind::Complex || b.kind() == Kind::Complex) {
            let r = match (a.payload::<PyComplex>(), b.payload::<PyComplex>()) {
                (Some(c), _) if b.kind() != Kind::Instance => complex_eq((c.re, c.im), b),
                (_, Some(c)) if a.kind() != Kind::Instance => complex_eq((c.re, c.im), a),
                _ => None,
            };
            if let Some(eq) = r {
                return Ok(py_bool(eq == (op == CmpOp::Eq)));
            }
        }
        // PyObject_RichCompare's recursion level: container comparisons come back here.
        self.recursive(" in comparison", |vm| vm.compare_dunders(a, b, op))
    }

    /// `compare` past the numeric fast paths: the dunders, reflected first for a subclass.
    fn compare_dunders(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        let (fwd, rev) = op.dunders();
        let ta = a.type_of().clone();
        let tb = b.type_of().clone();
        let mut checked_reflected = false;
        if !ta.is(&tb) && is_subtype(&tb, &ta) {
            if let Some(r) = self.rich_dunder(b, a, rev, op)? {
                return Ok(r);
            }
            checked_reflected = true;
        }
        if let Some(r) = self.rich_dunder(a, b, fwd, op)? {
            return Ok(r);
        }
        if !checked_reflected && let Some(r) = self.rich_dunder(b, a, rev, op)? {
            return Ok(r);
        }
        match op {
            CmpOp::Eq => Ok(py_bool(a.is(b))),
            CmpOp::Ne => Ok(py_bool(!a.is(b))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(a),
                type_name(b)
            ))),
        }
    }

    /// Calls `x.name(y)`; `None` if missing or `NotImplemented`. A type without its own
    /// `__ne__` gets `object.__ne__`'s behaviour: the inverse of `__eq__`.
    fn rich_dunder(&mut self, x: &Value, y: &Value, name: &str, op: CmpOp) -> PyResult<Option<Value>> {
        let f = match self.lookup_special(x, name) {
            Some(f) => f,
            None if op == CmpOp::Ne => {
                let Some(eq) = self.lookup_special(x, "__eq__") else { return Ok(None) };
                let r = self.call(&eq, Args::positional_only(&[x.clone(), y.clone()]))?;
                if r.is_not_implemented() {
                    return Ok(None);
                }
                let t = self.truthy(&r)?;
                return Ok(Some(py_bool(!t)));
            }
            None => return Ok(None),
        };
        let r = self.call(&f, Args::positional_only(&[x.clone(), y.clone()]))?;
        Ok(if r.is_not_implemented() { None } else { Some(r) })
    }

    /// `-a`, `+a`, `~a` through `__neg__`, `__pos__`, `__invert__`.
    pub fn unary_op(&mut self, a: &Value, dunder: &str, sym: &str) -> PyResult {
        if let Some(x) = a.as_small() {
            match dunder {
                // An inline int's negation always fits an i64 (new_int promotes -SMALL_MIN).
                "__neg__" if let Some(r) = small::neg(x) => return Ok(new_int(r)),
                "__pos__" => return Ok(a.clone()),
                "__invert__" => return Ok(new_int(small::invert(x))),
                _ => {}
            }
        }
        if let Some(f) = a.payload::<PyFloat>() {
            match dunder {
                "__neg__" => return Ok(new_float(-f.0)),
                "__pos__" => return Ok(a.clone()),
                _ => {}
            }
        }
        match self.call_special(a, dunder, &[])? {
            Some(r) => Ok(r),
            None => Err(type_error(format!("bad operand type for unary {sym}: '{}'", type_name(a)))),
        }
    }
}
