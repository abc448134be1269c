//! Operators: binary (with reflected operands and `NotImplemented`), in-place, unary and
//! rich comparison, as CPython's abstract.c/object.c resolve them through the types.

use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::{not_implemented, py_bool};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::{PyResult, Vm};

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

/// `hash(i)` for a machine int, as CPython computes it.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

impl Vm {
    /// `a op b` (or `a op= b` when `inplace`).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
            if let Some(r) = small_int_op(x, y, op) {
                return Ok(r);
            }
        }
        let (fwd, rev, inp) = op.dunders();
        if inplace {
            if let Some(f) = self.lookup_special(a, inp) {
                let r = self.call(&f, crate::vm::Args::positional_only(&[a.clone(), b.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        let ta = a.type_of().clone();
        let tb = b.type_of().clone();
        let fa = self.lookup_special(a, fwd);
        let fb = if ta.is(&tb) { None } else { self.lookup_special(b, rev) };
        // A subclass's reflected method goes first when it overrides the base's.
        if let Some(rb) = &fb {
            if is_subtype(&tb, &ta) && !fa.as_ref().is_some_and(|f| f.is(rb)) {
                let r = self.call(rb, crate::vm::Args::positional_only(&[b.clone(), a.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
                return self.binary_forward_then_fail(a, b, fa, None, op, inplace);
            }
        }
        self.binary_forward_then_fail(a, b, fa, fb, op, inplace)
    }

    fn binary_forward_then_fail(
        &mut self,
        a: &Value,
        b: &Value,
        fa: Option<Value>,
        fb: Option<Value>,
        op: BinOp,
        inplace: bool,
    ) -> PyResult {
        if let Some(f) = fa {
            let r = self.call(&f, crate::vm::Args::positional_only(&[a.clone(), b.clone()]))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if let Some(f) = fb {
            let r = self.call(&f, crate::vm::Args::positional_only(&[b.clone(), a.clone()]))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        let sym = op.symbol();
        let sym = if inplace { format!("{sym}=") } else { sym.to_owned() };
        if op == BinOp::Pow && !inplace {
            return Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            )));
        }
        Err(type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b))))
    }

    /// Rich comparison `a op b`, returning whatever the dunder returned.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
            return Ok(py_bool(match op {
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Eq => x == y,
                CmpOp::Ne => x != y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
            }));
        }
        let (fwd, rev) = op.dunders();
        let ta = a.type_of().clone();
        let tb = b.type_of().clone();
        let mut checked_reflected = false;
        if !ta.is(&tb) && is_subtype(&tb, &ta) {
            if let Some(f) = self.lookup_special(b, rev) {
                checked_reflected = true;
                let r = self.call(&f, crate::vm::Args::positional_only(&[b.clone(), a.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = self.lookup_special(a, fwd) {
            let r = self.call(&f, crate::vm::Args::positional_only(&[a.clone(), b.clone()]))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if !checked_reflected {
            if let Some(f) = self.lookup_special(b, rev) {
                let r = self.call(&f, crate::vm::Args::positional_only(&[b.clone(), a.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
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

    /// `-a`, `+a`, `~a` through `__neg__`, `__pos__`, `__invert__`.
    pub fn unary_op(&mut self, a: &Value, dunder: &str, sym: &str) -> PyResult {
        if let Some(x) = a.as_small() {
            match dunder {
                "__neg__" => return Ok(crate::objects::int::new_int(-x)),
                "__pos__" => return Ok(a.clone()),
                "__invert__" => return Ok(crate::objects::int::new_int(!x)),
                _ => {}
            }
        }
        match self.call_special(a, dunder, &[])? {
            Some(r) => Ok(r),
            None => Err(type_error(format!("bad operand type for unary {sym}: '{}'", type_name(a)))),
        }
    }
}

/// Small-int fast path; `None` when the result needs the general path (overflow, floats,
/// errors such as division by zero).
#[inline]
pub fn small_int_op(x: i64, y: i64, op: BinOp) -> Option<Value> {
    use crate::objects::int::new_int;
    match op {
        BinOp::Add => Some(new_int(x + y)),
        BinOp::Sub => Some(new_int(x - y)),
        BinOp::Mul => x.checked_mul(y).map(new_int),
        BinOp::FloorDiv if y != 0 => {
            let q = x / y;
            Some(new_int(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }))
        }
        BinOp::Mod if y != 0 => {
            let r = x % y;
            Some(new_int(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }))
        }
        BinOp::And => Some(new_int(x & y)),
        BinOp::Or => Some(new_int(x | y)),
        BinOp::Xor => Some(new_int(x ^ y)),
        _ => None,
    }
}

#[allow(dead_code)]
fn _ni() -> Value {
    not_implemented()
}
