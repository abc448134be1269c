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

/// Parses `s` as `int(s, base)` does (base 0 or 2..=36, already validated).
pub fn parse_int_str(s: &str, base: u32) -> PyResult<Value> {
    parse_int_value(s, base).map_err(|e| e.unwrap_or_else(|| invalid(s, base)))
}

/// Like [`parse_int_str`]; `Err(None)` means "invalid literal" (the caller words it, e.g.
/// for bytes input), `Err(Some(e))` another error (the digit limit).
pub fn parse_int_value(s: &str, base: u32) -> Result<Value, Option<crate::vm::PyErr>> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
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
