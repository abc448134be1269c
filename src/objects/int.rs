//! `int` (arbitrary precision: inline small ints, heap `BigInt` beyond 62 bits) and `bool`.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::objects::{Trace, types};
use crate::values::{Kind, Value, layout, value};

/// An int outside the inline range (always normalised: never fits in a small int).
pub struct PyInt(pub BigInt);
impl Trace for PyInt {}

/// `True`/`False` payload.
pub struct PyBool(pub bool);
impl Trace for PyBool {}

/// Makes an int value, inline when it fits.
#[inline]
pub fn new_int(i: i64) -> Value {
    match Value::try_small(i) {
        Some(v) => v,
        None => layout::alloc(&types().int, PyInt(BigInt::from(i))),
    }
}

/// Makes an int value from a big integer, normalising small values to inline ints.
pub fn new_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::try_small(i) {
            return v;
        }
    }
    layout::alloc(&types().int, PyInt(b))
}

/// The integer value of an int or bool (exact type or subclass), as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    if let Some(i) = v.as_small() {
        return Some(BigInt::from(i));
    }
    match v.kind() {
        Kind::Int => v.payload::<PyInt>().map(|b| b.0.clone()),
        Kind::Bool => v.payload::<PyBool>().map(|b| BigInt::from(b.0 as i64)),
        Kind::Instance => v.downcast::<PyInt>().map(|b| b.0.clone()),
        _ => None,
    }
}

/// The value as an i64 if it is an int/bool that fits.
#[inline]
pub fn to_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small() {
        return Some(i);
    }
    if let Some(b) = v.payload::<PyBool>() {
        return Some(b.0 as i64);
    }
    to_bigint(v).and_then(|b| b.to_i64())
}

/// Numeric equality between builtin numbers (int, bool, float), or `None` if either side
/// is not one of them.
pub fn numeric_eq(a: &Value, b: &Value) -> Option<bool> {
    let fa = a.payload::<super::float::PyFloat>().map(|f| f.0);
    let fb = b.payload::<super::float::PyFloat>().map(|f| f.0);
    match (fa, fb) {
        (Some(x), Some(y)) => Some(x == y),
        (Some(x), None) => int_float_eq(b, x),
        (None, Some(y)) => int_float_eq(a, y),
        (None, None) => {
            if !is_int_kind(a) || !is_int_kind(b) {
                return None;
            }
            match (to_i64(a), to_i64(b)) {
                (Some(x), Some(y)) => Some(x == y),
                _ => Some(to_bigint(a)? == to_bigint(b)?),
            }
        }
    }
}

fn is_int_kind(v: &Value) -> bool {
    matches!(v.kind(), Kind::SmallInt | Kind::Int | Kind::Bool)
}

/// Exact comparison of an int with a float.
fn int_float_eq(i: &Value, f: f64) -> Option<bool> {
    if !is_int_kind(i) {
        return None;
    }
    if !f.is_finite() || f.fract() != 0.0 {
        return Some(false);
    }
    if let Some(x) = to_i64(i) {
        if x.unsigned_abs() < (1u64 << 53) {
            return Some(x as f64 == f);
        }
    }
    let big = to_bigint(i)?;
    Some(num_traits::FromPrimitive::from_f64(f).is_some_and(|fb: BigInt| fb == big))
}

#[allow(dead_code)]
const _: () = assert!(value::SMALL_MAX > 0);

/// Registers this type's native methods (called once at start-up).
pub fn init() {}

/// `float(int)`, correctly rounded; `OverflowError` when out of range.
pub fn bigint_to_f64(v: &BigInt) -> crate::vm::PyResult<f64> {
    use num_traits::Signed;
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        num_traits::ToPrimitive::to_u64(mag).unwrap_or(0) as f64
    } else {
        // Keep 55 bits plus a sticky bit so the final rounding to 53 bits is exact.
        let shift = bits - 55;
        if shift > 969 {
            return Err(crate::vm::errors::overflow_error("int too large to convert to float"));
        }
        let top = num_traits::ToPrimitive::to_u64(&(mag >> shift)).unwrap_or(0);
        let sticky = (mag.trailing_zeros().unwrap_or(0) < shift) as u64;
        ((top << 1) | sticky) as f64 * 2f64.powi(shift as i32 - 1)
    };
    if f.is_infinite() {
        return Err(crate::vm::errors::overflow_error("int too large to convert to float"));
    }
    Ok(if v.is_negative() { -f } else { f })
}
