//! Integer arithmetic with Python semantics: floor division and modulo, true division
//! correctly rounded, shifts, bitwise ops on two's complement, powers (incl. modular).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{IntVal, ldexp, new_bigint, new_int, new_int_i128};
use crate::bytecode::opcode::BinOp;
use crate::objects::float::new_float;
use crate::values::Value;
use crate::vm::PyResult;
use crate::vm::errors::{memory_error, overflow_error, value_error, zero_division_error};

/// Results beyond this many bits (1 GiB) raise MemoryError instead of exhausting memory.
const MAX_BITS: u64 = 1 << 33;

/// `a op b` for two ints (`Pow` without modulus; negative exponents give a float).
/// `MatMul` is not defined for ints: returns `Ok(None)`.
pub fn int_binop(a: IntVal, b: IntVal, op: BinOp) -> PyResult<Option<Value>> {
    if let (IntVal::S(x), IntVal::S(y)) = (a, b)
        && let Some(r) = super::small::binop(x, y, op)
    {
        return Ok(Some(r));
    }
    let (x, y) = (a.big(), b.big());
    let (x, y) = (x.as_ref(), y.as_ref());
    Ok(Some(match op {
        BinOp::Add => new_bigint(x + y),
        BinOp::Sub => new_bigint(x - y),
        BinOp::Mul => new_bigint(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            new_bigint(div_mod_floor_big(x, y).0)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division_error("integer modulo by zero"));
            }
            new_bigint(div_mod_floor_big(x, y).1)
        }
        BinOp::TrueDiv => new_float(int_truediv(x, y)?),
        BinOp::And => new_bigint(x & y),
        BinOp::Or => new_bigint(x | y),
        BinOp::Xor => new_bigint(x ^ y),
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Some(new_int(0)));
            }
            // CPython splits the count into 30-bit digits first: a count whose digit
            // count overflows is "too many digits", anything else too big is MemoryError.
            if (y / BigInt::from(30)).to_i64().is_none() {
                return Err(overflow_error("too many digits in integer"));
            }
            let n = y.to_u64().unwrap_or(u64::MAX / 2);
            if n.saturating_add(x.bits()) > MAX_BITS {
                return Err(memory_error(""));
            }
            new_bigint(x << n)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match y.to_u64().filter(|&n| n < u64::MAX / 2) {
                // Shifting a BigInt right rounds toward negative infinity, like Python.
                Some(n) if n < x.bits() + 1 => new_bigint(x >> n),
                _ => new_int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::Pow => return int_pow(x, y).map(Some),
        BinOp::MatMul => return Ok(None),
    }))
}

/// `divmod(a, b)` for ints (b non-zero), rounding toward negative infinity. Quick when the
/// quotient is small: num-bigint's general division is slow for one- or two-limb quotients.
pub fn div_mod_floor_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (ab, bb) = (a.bits(), b.bits());
    if ab < bb {
        // |a| < |b|: the quotient is 0 or -1.
        if a.is_zero() || a.sign() == b.sign() {
            return (BigInt::zero(), a.clone());
        }
        return (-BigInt::one(), a + b);
    }
    if ab >= 192 && ab - bb <= 60 {
        let (q, r) = small_quotient_divmod(a.magnitude(), b.magnitude(), ab, bb);
        let q = BigInt::from(q);
        let r = BigInt::from_biguint(Sign::Plus, r);
        // Truncated division of magnitudes; fix signs, then floor.
        let (q, r) = match (a.is_negative(), b.is_negative()) {
            (false, false) => (q, r),
            (true, true) => (q, -r),
            (false, true) => (-q, r),
            (true, false) => (-q, -r),
        };
        if !r.is_zero() && (r.is_negative() != b.is_negative()) {
            return (q - 1, r + b);
        }
        return (q, r);
    }
    a.div_mod_floor(b)
}

/// Truncated `|a| / |b|` when the quotient is below 2**61: estimated from the leading 128
/// bits, then corrected by exact multiply-and-compare.
fn small_quotient_divmod(
    a: &num_bigint::BigUint,
    b: &num_bigint::BigUint,
    ab: u64,
    bb: u64,
) -> (u64, num_bigint::BigUint) {
    let s = ab - 126;
    let at = (a >> s).to_u128().unwrap_or(0);
    let bt = (b >> s).to_u128().unwrap_or(1).max(1);
    let _ = bb;
    let mut q = (at / bt) as u64;
    // The estimate can be one or two too large (the divisor's dropped bits) but never small
    // by more than one.
    let mut prod = b * q;
    while &prod > a {
        q -= 1;
        prod -= b;
    }
    let mut r = a - prod;
    while &r >= b {
        q += 1;
        r -= b;
    }
    (q, r)
}

/// `a / b` for ints, correctly rounded (CPython's algorithm, exact for huge operands).
pub fn int_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    if a.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let (am, bm) = (a.magnitude(), b.magnitude());
    if am.bits() <= 53 && bm.bits() <= 53 {
        let r = am.to_u64().unwrap_or(0) as f64 / bm.to_u64().unwrap_or(1) as f64;
        return Ok(if negative { -r } else { r });
    }
    let diff = am.bits() as i64 - bm.bits() as i64;
    if diff > 1025 {
        return Err(overflow_error("integer division result too large for a float"));
    }
    if diff < -1080 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 bits (more when the result is subnormal, so
    // the LSB kept below is never finer than 2**-1074).
    let shift: i64 = 55 - diff;
    let (n, d) = if shift >= 0 { (am << shift as u64, bm.clone()) } else { (am.clone(), bm << (-shift) as u64) };
    let (q, r) = n.div_rem(&d);
    // value = (q + r/d) * 2**-shift
    let qbits = q.bits() as i64;
    let e_lsb = -shift;
    let drop = (qbits - 53).max(-1074 - e_lsb).max(0);
    let mut m = (&q >> drop as u64).to_u64().unwrap_or(0);
    if drop > 0 {
        let half = num_bigint::BigUint::one() << (drop as u64 - 1);
        let low = &q & ((num_bigint::BigUint::one() << drop as u64) - 1u32);
        let round_up = low > half || (low == half && (!r.is_zero() || m & 1 == 1));
        if round_up {
            m += 1;
        }
    }
    let f = ldexp(m as f64, e_lsb + drop);
    if f.is_infinite() {
        return Err(overflow_error("integer division result too large for a float"));
    }
    Ok(if negative { -f } else { f })
}

/// `a ** b` for ints; a negative exponent computes in floats.
fn int_pow(a: &BigInt, b: &BigInt) -> PyResult {
    if b.is_negative() {
        let fa = super::bigint_to_f64(a)?;
        let fb = super::bigint_to_f64(b)?;
        return crate::objects::float::float_pow(fa, fb);
    }
    if a.is_zero() {
        return Ok(new_int(if b.is_zero() { 1 } else { 0 }));
    }
    if a.is_one() {
        return Ok(new_int(1));
    }
    if *a == BigInt::from(-1) {
        return Ok(new_int(if b.is_even() { 1 } else { -1 }));
    }
    let e = b.to_u32().ok_or_else(|| memory_error(""))?;
    if (a.bits() - 1).saturating_mul(e as u64) > MAX_BITS {
        return Err(memory_error(""));
    }
    if let (Some(x), true) = (a.to_i64(), e < 64)
        && let Some(r) = (x as i128).checked_pow(e)
    {
        return Ok(new_int_i128(r));
    }
    Ok(new_bigint(num_traits::Pow::pow(a, e)))
}

/// `pow(a, b, m)` for ints (negative `b` computes a modular inverse).
pub fn int_pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult {
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let neg_m = m.is_negative();
    let mm = m.abs();
    if mm.is_one() {
        return Ok(new_int(0));
    }
    let mut base = a.mod_floor(&mm);
    let mut e = b.clone();
    if e.is_negative() {
        base = mod_inverse(&base, &mm).ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = base.modpow(&e, &mm);
    if neg_m && !r.is_zero() {
        r -= &mm;
    }
    Ok(new_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}
