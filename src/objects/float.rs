//! `float`: IEEE double with CPython's arithmetic rules and errors, parsing, `hex`/`fromhex`,
//! exact `as_integer_ratio`, correctly rounded `round`, and shortest round-trip `repr`.

mod methods;
pub use methods::float_from_value as methods_float_from_value;

use num_bigint::BigInt;
use num_traits::Zero;

use crate::bytecode::opcode::BinOp;
use crate::objects::int::{IntVal, int_val};
use crate::objects::{Trace, types};
use crate::values::{Value, layout};
use crate::vm::PyResult;
use crate::vm::errors::{overflow_error, value_error, zero_division_error};

pub struct PyFloat(pub f64);
impl Trace for PyFloat {}

pub fn new_float(f: f64) -> Value {
    layout::alloc_float(&types().float, f)
}

impl Value {
    /// The float value, if this is a `float` (or a subclass instance).
    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        self.downcast::<PyFloat>().map(|f| f.0)
    }
}

/// A float operand: a float, or an int converted (which can overflow); `None` otherwise.
pub fn float_operand(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = v.as_float() {
        return Ok(Some(f));
    }
    match int_val(v) {
        Some(i) => i.to_f64().map(Some),
        None => Ok(None),
    }
}

/// `a op b` for two floats (`Pow` may produce a complex; `MatMul` gives `Ok(None)`).
pub fn float_binop(a: f64, b: f64, op: BinOp) -> PyResult<Option<Value>> {
    Ok(Some(new_float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_division_error("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_division_error("float modulo"));
            }
            float_mod(a, b)
        }
        BinOp::Pow => return float_pow(a, b).map(Some),
        _ => return Ok(None),
    })))
}

/// Python's `a % b` for floats (b non-zero): the result takes the divisor's sign.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 { if (b < 0.0) != (m < 0.0) { m + b } else { m } } else { 0.0f64.copysign(b) }
}

/// `divmod(a, b)` for floats (b non-zero), CPython's float_divmod.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (fd, m)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0 && (x % 2.0).abs() == 1.0
}

/// `a ** b` for floats, CPython's float_pow (negative base to a fractional power is complex).
pub fn float_pow(iv: f64, iw: f64) -> PyResult {
    let r = if iw == 0.0 {
        1.0
    } else if iv.is_nan() {
        iv
    } else if iw.is_nan() {
        if iv == 1.0 { 1.0 } else { iw }
    } else if iw.is_infinite() {
        let a = iv.abs();
        if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }
    } else if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }
    } else if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_division_error("0.0 cannot be raised to a negative power"));
        }
        if is_odd_integer(iw) { iv } else { 0.0 }
    } else {
        let mut negate = false;
        let mut v = iv;
        if iv < 0.0 {
            if iw != iw.floor() {
                return crate::objects::complex::complex_pow((iv, 0.0), (iw, 0.0));
            }
            v = -iv;
            negate = is_odd_integer(iw);
        }
        if v == 1.0 {
            if negate { -1.0 } else { 1.0 }
        } else {
            let r = v.powf(iw);
            if r.is_infinite() {
                return Err(overflow_error("(34, 'Numerical result out of range')"));
            }
            if negate { -r } else { r }
        }
    };
    Ok(new_float(r))
}

/// Exact `(numerator, denominator)` of a finite float.
pub fn float_as_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    if exp != 0 {
        mant |= 1 << 52;
    }
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    e += tz;
    let mut n = BigInt::from(mant);
    if x < 0.0 {
        n = -n;
    }
    if e >= 0 { Ok((n << e as u64, BigInt::from(1))) } else { Ok((n, BigInt::from(1) << (-e) as u64)) }
}

/// `round(x, ndigits)` for a float: correctly rounded, ties to even, like CPython's
/// dtoa-based double_round.
pub fn float_round(x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let r = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x).parse::<f64>().unwrap_or(x)
    } else {
        let (n, d) = float_as_ratio(x)?;
        let p = num_traits::Pow::pow(BigInt::from(10), (-ndigits) as u32);
        let d = d * &p;
        let (q, r) = crate::objects::int::div_mod_floor_big(&n, &d);
        let twice: BigInt = &r << 1u32;
        let q = match twice.cmp(&d) {
            std::cmp::Ordering::Greater => q + 1,
            std::cmp::Ordering::Equal if q.bit(0) => q + 1,
            _ => q,
        };
        let v = q * p;
        match crate::objects::int::bigint_to_f64(&v) {
            Ok(f) => {
                if v.is_zero() {
                    0.0f64.copysign(x)
                } else {
                    f
                }
            }
            Err(_) => f64::INFINITY,
        }
    };
    if r.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(r)
}

/// Parses `float(s)`; `None` when malformed.
pub fn parse_float(s: &str) -> Option<f64> {
    let ascii = crate::objects::int::ascii_digits(s);
    let t = ascii.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return None;
    }
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !ok {
                return None;
            }
            continue;
        }
        if !c.is_ascii() {
            return None;
        }
        clean.push(c as char);
    }
    let body = clean.strip_prefix(['+', '-']).unwrap_or(&clean);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        let neg = clean.starts_with('-');
        let v = if lower == "nan" { f64::NAN } else { f64::INFINITY };
        return Some(if neg { -v } else { v });
    }
    // Only digits, one '.', and an exponent: Rust's parser accepts a few other spellings.
    if !body.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return crate::objects::format_spec::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let exp = (bits >> 52) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let es = if e < 0 { format!("-{}", -e) } else { format!("+{e}") };
    format!("{sign}0x{lead}.{mant:013x}p{es}")
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> PyResult<f64> {
    let invalid = || value_error("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let l = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match l.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (l, None),
    };
    let (ip, fp) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(invalid());
    }
    if !ip.bytes().chain(fp.bytes()).all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let mut e: i64 = match exp {
        Some(e) => {
            let d = e.strip_prefix(['+', '-']).unwrap_or(e);
            if d.is_empty() || !d.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            // Clamp absurd exponents; the result is 0 or overflows either way.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { -1 << 40 } else { 1 << 40 }).clamp(-(1 << 40), 1 << 40)
        }
        None => 0,
    };
    let digits = format!("{ip}{fp}");
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    e -= 4 * fp.len() as i64;
    let too_large = || overflow_error("hexadecimal value too large to represent as a float");
    let v = if m.is_zero() {
        0.0
    } else if e >= 0 {
        if m.bits() as i64 + e > 1025 {
            return Err(too_large());
        }
        crate::objects::int::bigint_to_f64(&(m << e as u64)).map_err(|_| too_large())?
    } else if (m.bits() as i64) + e < -1080 {
        0.0
    } else {
        crate::objects::int::int_truediv(&m, &(BigInt::from(1) << (-e) as u64)).map_err(|_| too_large())?
    };
    Ok(if neg { -v } else { v })
}

/// `int(x)` for a float subclass's value etc.: truncation toward zero.
pub fn float_trunc_to_int(x: f64) -> PyResult {
    crate::objects::int::float_to_int(x)
}

/// `math.floor`-style conversion used by `__floor__`/`__ceil__`.
pub fn float_floor_ceil(x: f64, ceil: bool) -> PyResult {
    crate::objects::int::float_to_int(if ceil { x.ceil() } else { x.floor() })
}

/// `round(x)` (no ndigits): the nearest int, ties to even.
pub fn float_round_int(x: f64) -> PyResult {
    crate::objects::int::float_to_int(x.round_ties_even())
}

/// Compares a float with an int or float value; `None` for NaN.
pub fn cmp_float_num(a: f64, b: &Value) -> Option<Option<std::cmp::Ordering>> {
    if let Some(f) = b.as_float() {
        return Some(a.partial_cmp(&f));
    }
    let i: IntVal = int_val(b)?;
    Some(crate::objects::int::cmp_int_float(i, a).map(|o| o.reverse()))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    methods::init();
}
