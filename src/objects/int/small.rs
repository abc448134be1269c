//! The one small-int core: Python's int arithmetic on machine words (i64), shared by the
//! loop's fast paths, `int_binop` and `int`'s methods, and meant for the JIT's helpers.
//!
//! Every operation is a plain function over `i64` that never panics (a panic in a helper
//! called from JIT code would abort the process). `None` means "not here, take the general
//! (BigInt) path": the exact result does not fit an i64, or Python raises (division by
//! zero, negative shift count) or gives a float (negative power); the general path then
//! computes the same value or raises the right error with the right message.
//!
//! Inline ints are 62-bit, so a result of two inline operands may leave the inline range
//! (`SMALL_MIN..=SMALL_MAX`) while still fitting an i64: `new_int` promotes it to a BigInt.
//! Only operations that can exceed an i64 from 62-bit operands (`*`, `**`, `<<`) ever say
//! `None` for overflow on them; the functions are exact for every i64 all the same.

use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::float::new_float;
use crate::values::Value;

use super::{new_int, new_int_i128};

pub use crate::values::value::{SMALL_MAX, SMALL_MIN};

/// Does `i` fit an inline int (else `new_int` allocates a BigInt)?
#[inline]
pub fn fits_small(i: i64) -> bool {
    (SMALL_MIN..=SMALL_MAX).contains(&i)
}

/// `a + b`.
#[inline]
pub fn add(a: i64, b: i64) -> Option<i64> {
    a.checked_add(b)
}

/// `a - b`.
#[inline]
pub fn sub(a: i64, b: i64) -> Option<i64> {
    a.checked_sub(b)
}

/// `a + b` of two inline ints (62-bit): cannot overflow an i64, so no check (the loop's
/// common case; the result may still need `new_int`'s promotion).
#[inline]
pub fn add_inline(a: i64, b: i64) -> i64 {
    debug_assert!(fits_small(a) && fits_small(b));
    a.wrapping_add(b)
}

/// `a - b` of two inline ints: cannot overflow an i64.
#[inline]
pub fn sub_inline(a: i64, b: i64) -> i64 {
    debug_assert!(fits_small(a) && fits_small(b));
    a.wrapping_sub(b)
}

/// `a * b`.
#[inline]
pub fn mul(a: i64, b: i64) -> Option<i64> {
    a.checked_mul(b)
}

/// `a // b`, rounding toward negative infinity; `None` for `b == 0` (ZeroDivisionError)
/// and `i64::MIN // -1` (2**63).
#[inline]
pub fn floordiv(a: i64, b: i64) -> Option<i64> {
    Some(divmod(a, b)?.0)
}

/// `a % b`, with the sign of `b`; `None` for `b == 0` (ZeroDivisionError).
#[inline]
pub fn modulo(a: i64, b: i64) -> Option<i64> {
    match b {
        0 => None,
        // Also keeps `i64::MIN % -1` (which overflows the hardware division) away below.
        -1 => Some(0),
        _ => {
            let r = a.wrapping_rem(b);
            // Truncation gives r the sign of a; move it to b's (r and b then have opposite
            // signs, so the sum cannot overflow).
            Some(if r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r })
        }
    }
}

/// `divmod(a, b)`: `(a // b, a % b)`; `None` for `b == 0` (ZeroDivisionError) and
/// `i64::MIN // -1` (2**63).
#[inline]
pub fn divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    match b {
        0 => None,
        // Exact, and keeps `i64::MIN / -1` away from the hardware division below.
        -1 => Some((a.checked_neg()?, 0)),
        _ => {
            // One truncating division (the guards above leave wrapping_* nothing to wrap),
            // then a step toward negative infinity when inexact with differing signs.
            let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
            // q - 1 and r + b cannot overflow: here |q| < 2**63 - 1 and r, b differ in sign.
            Some(if r != 0 && ((r < 0) != (b < 0)) { (q.wrapping_sub(1), r.wrapping_add(b)) } else { (q, r) })
        }
    }
}

/// `a / b` when both convert to floats exactly (|x| <= 2**53), so one float division is
/// correctly rounded; `None` for `b == 0` (ZeroDivisionError) and larger operands (the
/// general path's exact algorithm).
#[inline]
pub fn truediv(a: i64, b: i64) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    if b != 0 && a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT { Some(a as f64 / b as f64) } else { None }
}

/// `a & b` (two's complement, as Python's infinite-precision ints behave).
#[inline]
pub fn bitand(a: i64, b: i64) -> i64 {
    a & b
}

/// `a | b`.
#[inline]
pub fn bitor(a: i64, b: i64) -> i64 {
    a | b
}

/// `a ^ b`.
#[inline]
pub fn bitxor(a: i64, b: i64) -> i64 {
    a ^ b
}

/// `~a` (= `-a - 1`: never overflows).
#[inline]
pub fn invert(a: i64) -> i64 {
    !a
}

/// `-a`; `None` only for `i64::MIN`.
#[inline]
pub fn neg(a: i64) -> Option<i64> {
    a.checked_neg()
}

/// `abs(a)`; `None` only for `i64::MIN`.
#[inline]
pub fn abs(a: i64) -> Option<i64> {
    a.checked_abs()
}

/// `a << n`; `None` for `n < 0` (ValueError) and results beyond an i64.
#[inline]
pub fn lshift(a: i64, n: i64) -> Option<i64> {
    if a == 0 && n >= 0 {
        return Some(0);
    }
    if !(0..64).contains(&n) {
        return None;
    }
    let r = a << n;
    // Exact iff shifting back restores `a` (no significant bit, sign included, was lost).
    if r >> n == a { Some(r) } else { None }
}

/// `a >> n`, rounding toward negative infinity (an arithmetic shift); `None` for `n < 0`
/// (ValueError). Counts of 63 and more leave only the sign: 0 or -1.
#[inline]
pub fn rshift(a: i64, n: i64) -> Option<i64> {
    if n < 0 {
        return None;
    }
    Some(a >> n.min(63))
}

/// `a ** e` for `e >= 0`; `None` for a negative exponent (a float result) and results
/// beyond an i64.
pub fn pow(a: i64, e: i64) -> Option<i64> {
    match a {
        _ if e < 0 => None,
        0 => Some(if e == 0 { 1 } else { 0 }),
        1 => Some(1),
        -1 => Some(if e % 2 == 0 { 1 } else { -1 }),
        // |a| >= 2: anything from 2**64 on overflows, so the count fits the u32 std wants.
        _ if e >= 64 => None,
        _ => a.checked_pow(e as u32),
    }
}

/// `a op b` for a rich comparison.
#[inline]
pub fn compare(a: i64, b: i64, op: CmpOp) -> bool {
    op.apply(&a, &b)
}

/// `a op b` as a value (an int, or a float for `/`), promoted to a BigInt past the inline
/// range; `None` when the general path must compute it or raise (see the module doc), and
/// for `@`, which ints do not define. `a` and `b` are inline ints' values (`Value::as_small`,
/// `IntVal::S`): `+` and `-` rely on that.
#[inline]
pub fn binop(a: i64, b: i64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::LShift => lshift(a, b).map(new_int),
        BinOp::RShift => rshift(a, b).map(new_int),
        BinOp::Pow => pow(a, b).map(new_int),
        BinOp::TrueDiv => truediv(a, b).map(new_float),
        BinOp::Mul => Some(match mul(a, b) {
            Some(r) => new_int(r),
            None => mul_wide(a, b),
        }),
        _ => binop_common(a, b, op),
    }
}

/// `binop` for the operators common in loops (`+ - * // % & | ^`), `None` for the rest:
/// the interpreter loop inlines this much and leaves shifts, powers and `/` to `binop` on
/// its general path (inlining those too costs the loop more than it saves).
#[inline(always)]
pub fn binop_common(a: i64, b: i64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::Add => Some(new_int(add_inline(a, b))),
        BinOp::Sub => Some(new_int(sub_inline(a, b))),
        // Past an i64: `binop` multiplies in i128 (a call the loop need not carry).
        BinOp::Mul => mul(a, b).map(new_int),
        BinOp::FloorDiv => floordiv(a, b).map(new_int),
        BinOp::Mod => modulo(a, b).map(new_int),
        BinOp::And => Some(new_int(bitand(a, b))),
        BinOp::Or => Some(new_int(bitor(a, b))),
        BinOp::Xor => Some(new_int(bitxor(a, b))),
        _ => None,
    }
}

/// A product beyond an i64, as a BigInt: two i64s always multiply within an i128.
#[cold]
#[inline(never)]
fn mul_wide(a: i64, b: i64) -> Value {
    new_int_i128(a as i128 * b as i128)
}
