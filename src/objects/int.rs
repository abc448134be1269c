//! `int` (arbitrary precision: inline small ints, heap `BigInt` beyond 62 bits) and `bool`:
//! values, conversions, CPython's numeric hash and exact int/float comparison.

mod arith;
mod methods;
pub mod methods_support {
    //! Helpers the other numeric types share with int.
    pub use super::methods::{add_getter, int_divmod, int_from_value, int_pow3, round_half_even, wrap_subclass};
}
mod parse;
pub mod small;

pub use arith::{div_mod_floor_big, int_binop, int_pow_mod, int_truediv};
pub use methods::bytes_repr;
pub use parse::{ascii_digits, parse_int_str, parse_int_value, unicode_decimal};

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::{Trace, types};
use crate::values::{Kind, Value, layout};
use crate::vm::PyResult;
use crate::vm::errors::overflow_error;

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

/// Makes an int value from an i128, inline when it fits.
#[inline]
pub fn new_int_i128(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(x) => new_int(x),
        Err(_) => layout::alloc(&types().int, PyInt(BigInt::from(i))),
    }
}

/// Makes an int value from a big integer, normalising small values to inline ints.
pub fn new_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64()
        && let Some(v) = Value::try_small(i)
    {
        return v;
    }
    layout::alloc(&types().int, PyInt(b))
}

/// A borrowed view of an int's value.
#[derive(Clone, Copy, Debug)]
pub enum IntVal<'a> {
    S(i64),
    B(&'a BigInt),
}

impl IntVal<'_> {
    pub fn big(&self) -> Cow<'_, BigInt> {
        match self {
            IntVal::S(i) => Cow::Owned(BigInt::from(*i)),
            IntVal::B(b) => Cow::Borrowed(b),
        }
    }
    pub fn to_bigint(&self) -> BigInt {
        self.big().into_owned()
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntVal::S(i) => Some(*i),
            IntVal::B(b) => b.to_i64(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntVal::S(i) => *i < 0,
            IntVal::B(b) => b.sign() == Sign::Minus,
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntVal::S(i) => *i == 0,
            IntVal::B(b) => b.is_zero(),
        }
    }
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            IntVal::S(i) => Ok(*i as f64),
            IntVal::B(b) => bigint_to_f64(b),
        }
    }
}

/// The value of an int, bool or instance of an int subclass.
#[inline]
pub fn int_val(v: &Value) -> Option<IntVal<'_>> {
    if let Some(i) = v.as_small() {
        return Some(IntVal::S(i));
    }
    match v.kind() {
        Kind::Int => v.payload::<PyInt>().map(|b| IntVal::B(&b.0)),
        Kind::Bool => v.payload::<PyBool>().map(|b| IntVal::S(b.0 as i64)),
        Kind::Instance => {
            if let Some(b) = v.downcast::<PyInt>() {
                return Some(IntVal::B(&b.0));
            }
            let inst = v.payload::<crate::objects::instance::Instance>()?;
            match inst.base.as_ref() {
                Some(b) if b.is_small() || b.kind() == Kind::Bool => int_val(b),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Is `v` an int (or bool, or int subclass instance)?
#[inline]
pub fn is_int(v: &Value) -> bool {
    int_val(v).is_some()
}

/// The integer value of an int or bool (exact type or subclass), as a BigInt.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    int_val(v).map(|i| i.to_bigint())
}

/// The value as an i64 if it is an int/bool that fits.
#[inline]
pub fn to_i64(v: &Value) -> Option<i64> {
    int_val(v).and_then(|i| i.as_i64())
}

/// `float(int)`, correctly rounded; `OverflowError` when out of range.
pub fn bigint_to_f64(v: &BigInt) -> PyResult<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        // Keep 55 bits plus a sticky bit so the final rounding to 53 bits is exact.
        let shift = bits - 55;
        if shift > 969 {
            return Err(overflow_error("int too large to convert to float"));
        }
        let top = (mag >> shift).to_u64().unwrap_or(0);
        let sticky = (mag.trailing_zeros().unwrap_or(0) < shift) as u64;
        ((top << 1) | sticky) as f64 * 2f64.powi(shift as i32 - 1)
    };
    if f.is_infinite() {
        return Err(overflow_error("int too large to convert to float"));
    }
    Ok(if v.is_negative() { -f } else { f })
}

/// `x * 2**e` without intermediate overflow or underflow (exact when representable).
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(int)`, as CPython computes it.
pub fn hash_int(v: IntVal) -> i64 {
    match v {
        IntVal::S(i) => crate::vm::ops::hash_i64(i),
        IntVal::B(b) => {
            let m = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0) as i64;
            let h = if b.is_negative() { -m } else { m };
            if h == -1 { -2 } else { h }
        }
    }
}

/// `frexp(x)`: (m, e) with x = m * 2**e, 0.5 <= |m| < 1 (x finite, non-zero).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `hash(float)` for a finite or infinite float (NaN hashes by identity: the caller's job).
pub fn hash_f64(v: f64) -> i64 {
    const BITS: i32 = 61;
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 { -2 } else { h }
}

/// The numeric hash of an exact builtin number (int, bool, float, complex); `None` for
/// anything else (NaN included: it hashes by identity).
pub fn fast_hash(v: &Value) -> Option<i64> {
    match v.kind() {
        Kind::SmallInt | Kind::Int | Kind::Bool => int_val(v).map(hash_int),
        Kind::Float => v.payload::<super::float::PyFloat>().map(|f| f.0).filter(|f| !f.is_nan()).map(hash_f64),
        _ => None,
    }
}

/// Exact comparison of an int with a float; `None` when `f` is NaN.
pub fn cmp_int_float(i: IntVal, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(x) = i.as_i64()
        && x.unsigned_abs() <= (1u64 << 53)
    {
        return (x as f64).partial_cmp(&f);
    }
    let fl = f.floor();
    let fb = float_to_bigint_exact(fl);
    let big = i.big();
    match big.as_ref().cmp(&fb) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

/// An integral finite float as a BigInt (exact).
pub fn float_to_bigint_exact(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant) << (exp as usize);
    if f < 0.0 { -m } else { m }
}

/// `int(f)` for a float: truncation, with CPython's errors for inf and NaN.
pub fn float_to_int(f: f64) -> PyResult {
    if f.is_nan() {
        return Err(crate::vm::errors::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 4.6e18 {
        return Ok(new_int(t as i64));
    }
    Ok(new_bigint(float_to_bigint_exact(t)))
}

/// Numeric equality between builtin numbers (int, bool, float), or `None` if either side
/// is not one of them.
pub fn numeric_eq(a: &Value, b: &Value) -> Option<bool> {
    let fa = a.payload::<super::float::PyFloat>().map(|f| f.0);
    let fb = b.payload::<super::float::PyFloat>().map(|f| f.0);
    let int_kind = |v: &Value| matches!(v.kind(), Kind::SmallInt | Kind::Int | Kind::Bool);
    match (fa, fb) {
        (Some(x), Some(y)) => Some(x == y),
        (Some(x), None) if int_kind(b) => Some(cmp_int_float(int_val(b)?, x) == Some(Ordering::Equal)),
        (None, Some(y)) if int_kind(a) => Some(cmp_int_float(int_val(a)?, y) == Some(Ordering::Equal)),
        (None, None) if int_kind(a) && int_kind(b) => Some(cmp_ints(int_val(a)?, int_val(b)?) == Ordering::Equal),
        _ => None,
    }
}

/// Compares two ints.
pub fn cmp_ints(a: IntVal, b: IntVal) -> Ordering {
    match (a, b) {
        (IntVal::S(x), IntVal::S(y)) => x.cmp(&y),
        _ => a.big().as_ref().cmp(b.big().as_ref()),
    }
}

/// `str(int)` / `repr(int)` (with the int/str digit limit).
pub fn int_to_decimal(v: IntVal) -> PyResult<String> {
    match v {
        IntVal::S(i) => Ok(itoa::Buffer::new().format(i).to_owned()),
        IntVal::B(b) => {
            let d = super::format_spec::decimal_digits(b)?;
            Ok(if b.is_negative() { format!("-{d}") } else { d })
        }
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    methods::init();
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests2;
#[cfg(test)]
mod tests_division;
#[cfg(test)]
mod tests_round;
#[cfg(test)]
mod tests_small;

#[cfg(test)]
pub mod tests_support {
    //! Builds test operands from tiny Python-like literals without the compiler.
    use crate::values::Value;
    use crate::vm::Vm;

    pub fn literal(_vm: &mut Vm, s: &str) -> Value {
        use crate::objects::complex::new_complex;
        use crate::objects::float::new_float;
        use num_traits::Pow;
        match s {
            "True" => return crate::objects::py_bool(true),
            "False" => return crate::objects::py_bool(false),
            "float(\"inf\")" => return new_float(f64::INFINITY),
            "float(\"nan\")" => return new_float(f64::NAN),
            "(1+2j)" => return new_complex(1.0, 2.0),
            "2j" => return new_complex(0.0, 2.0),
            _ => {}
        }
        let (neg, body) = match s.strip_prefix("-(").and_then(|r| r.strip_suffix(')')) {
            Some(b) => (true, b),
            None => (false, s),
        };
        let big = |b: &str| -> num_bigint::BigInt {
            // "a**b+c" forms.
            let (p, add) = match b.split_once('+') {
                Some((p, c)) => (p, c.parse::<i64>().unwrap_or(0)),
                None => (b, 0),
            };
            let (x, e) = p.split_once("**").unwrap_or((p, "1"));
            num_bigint::BigInt::from(x.parse::<i64>().unwrap_or(0)).pow(e.parse::<u32>().unwrap_or(1)) + add
        };
        if body.contains("**") {
            let v = big(body);
            return super::new_bigint(if neg { -v } else { v });
        }
        if let Ok(i) = s.parse::<i64>() {
            return super::new_int(i);
        }
        new_float(s.parse::<f64>().unwrap_or(0.0))
    }
}
