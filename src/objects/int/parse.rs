//! `int(str, base)`: CPython's literal syntax (sign, whitespace, base prefixes, single
//! underscores between digits) and the int/str digit limit.

use num_bigint::BigInt;
use num_traits::Num;

use super::{new_bigint, new_int};
use crate::values::Value;
use crate::vm::PyResult;
use crate::vm::errors::value_error;

fn invalid(orig: &str, base: u32) -> crate::vm::PyErr {
    let r = crate::objects::format_spec::str_repr(orig);
    value_error(format!("invalid literal for int() with base {base}: {r}"))
}

/// First code point (the zero) of every run of ten Unicode decimal digits (category Nd).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`'7'`, `'٣'`, ...), as `int()`/`float()` accept.
pub fn unicode_decimal(c: char) -> Option<u32> {
    let c = c as u32;
    if c < 0x80 {
        return if (0x30..=0x39).contains(&c) { Some(c - 0x30) } else { None };
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    if c - zero < 10 { Some(c - zero) } else { None }
}

/// `s` with Unicode decimal digits and white space mapped to ASCII (as CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`); ASCII input is returned as is.
pub fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match unicode_decimal(c) {
                Some(d) => char::from(b'0' + d as u8),
                None if c.is_whitespace() => ' ',
                None => c,
            })
            .collect(),
    )
}

/// Parses `s` as `int(s, base)` does (base 0 or 2..=36, already validated).
pub fn parse_int_str(s: &str, base: u32) -> PyResult<Value> {
    parse_int_value(s, base).map_err(|e| e.unwrap_or_else(|| invalid(s, base)))
}

/// Like [`parse_int_str`]; `Err(None)` means "invalid literal" (the caller words it, e.g.
/// for bytes input), `Err(Some(e))` another error (the digit limit).
pub fn parse_int_value(s: &str, base: u32) -> Result<Value, Option<crate::vm::PyErr>> {
    // Fast path: a short run of plain decimal digits (the common `int("123")`).
    if base == 10 && (1..=18).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()) {
        let n = s.bytes().fold(0i64, |n, c| n * 10 + (c - b'0') as i64);
        return Ok(crate::objects::int::new_int(n));
    }
    let ascii = ascii_digits(s);
    let t = ascii.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower2 = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower2.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let mut base = base;
    let mut body = t;
    let mut after_prefix = false;
    if base == 0 {
        match prefix_base {
            Some(b) => {
                base = b;
                body = &t[2..];
                after_prefix = true;
            }
            None => {
                base = 10;
                // A non-zero decimal literal cannot start with 0 ("010" is invalid).
                let digits: String = t.chars().filter(|&c| c != '_').collect();
                if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                    return Err(None);
                }
            }
        }
    } else if prefix_base == Some(base) {
        body = &t[2..];
        after_prefix = true;
    }
    // Underscores: single, between digits (or right after a base prefix).
    let bytes = body.as_bytes();
    if bytes.is_empty() || bytes[bytes.len() - 1] == b'_' || (bytes[0] == b'_' && !after_prefix) {
        return Err(None);
    }
    let mut clean = String::with_capacity(body.len());
    let mut prev_us = false;
    for c in body.chars() {
        if c == '_' {
            if prev_us {
                return Err(None);
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        match c.to_digit(base) {
            Some(_) => clean.push(c),
            None => return Err(None),
        }
    }
    if clean.is_empty() {
        return Err(None);
    }
    if clean.len() <= 18 && base <= 10 || clean.len() <= 12 {
        let v = i64::from_str_radix(&clean, base).map_err(|_| None)?;
        return Ok(new_int(if neg { -v } else { v }));
    }
    if !base.is_power_of_two() {
        let limit = crate::objects::format_spec::INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
        if limit > 0 && clean.len() > limit {
            return Err(Some(value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                clean.len()
            ))));
        }
    }
    let v = BigInt::from_str_radix(&clean, base).map_err(|_| None)?;
    Ok(new_bigint(if neg { -v } else { v }))
}
