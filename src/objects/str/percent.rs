//! printf-style `%` formatting for `str` and `bytes` (PyUnicode_Format / _PyBytes_Format):
//! flags, width and precision (with `*`), mapping keys, and every conversion.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::objects::int::to_bigint;
use crate::objects::str::PyStr;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, overflow_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{PyResult, Vm};

/// C-style `%e` of a finite float.
pub fn fmt_e(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let r = format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper { r.to_uppercase() } else { r }
}

/// C-style `%f` of a finite float.
pub fn fmt_f(x: f64, prec: usize) -> String {
    format!("{:.*}", prec, x)
}

/// C-style `%g` of a finite float (`alt` keeps trailing zeros).
pub fn fmt_g(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let mut s = if alt { format!("{:.*}", p - 1, 0.0) } else { "0".to_owned() };
        if x.is_sign_negative() {
            s.insert(0, '-');
        }
        return s;
    }
    let e = format!("{:.*e}", p - 1, x);
    let exp: i64 = e.split_once('e').and_then(|(_, x)| x.parse().ok()).unwrap_or(0);
    let mut s = if exp >= -4 && exp < p as i64 {
        format!("{:.*}", (p as i64 - 1 - exp).max(0) as usize, x)
    } else {
        fmt_e(x, p - 1, false)
    };
    if !alt {
        let (num, exp_part) = match s.find('e') {
            Some(i) => (s[..i].to_owned(), s[i..].to_owned()),
            None => (s.clone(), String::new()),
        };
        let num = if num.contains('.') { num.trim_end_matches('0').trim_end_matches('.').to_owned() } else { num };
        s = num + &exp_part;
    } else if !s.contains('.') {
        match s.find('e') {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    if upper { s.to_uppercase() } else { s }
}

/// Non-finite floats as `%` and `format` print them.
fn nonfinite(x: f64, upper: bool) -> String {
    let s = if x.is_nan() {
        "nan"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    };
    if upper { s.to_uppercase() } else { s.to_owned() }
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// Applies sign, zero padding and width to a formatted number `digits` (no sign).
fn pad_number(neg: bool, prefix: &str, digits: &str, fl: &Flags, width: usize) -> String {
    let sign = if neg {
        "-"
    } else if fl.plus {
        "+"
    } else if fl.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + digits.chars().count();
    if len >= width {
        return format!("{sign}{prefix}{digits}");
    }
    let pad = width - len;
    if fl.left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(pad))
    } else if fl.zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(pad))
    }
}

fn pad_text(s: &str, fl: &Flags, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_owned();
    }
    if fl.left { format!("{s}{}", " ".repeat(width - n)) } else { format!("{}{s}", " ".repeat(width - n)) }
}

/// The integer value for `%d`-style conversions (`__index__`, or `__int__` for `%d` of
/// non-ints such as floats).
fn int_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    let real = matches!(conv, 'd' | 'i' | 'u');
    if real {
        if let Some(f) = v.as_float() {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
        }
    }
    if let Some(b) = crate::objects::sequtil::index_bigint(vm, v)? {
        return Ok(b);
    }
    if real {
        if let Some(r) = vm.call_special(v, "__int__", &[])? {
            if let Some(b) = to_bigint(&r) {
                return Ok(b);
            }
        }
        return Err(type_error(format!("%{conv} format: a real number is required, not {}", type_name(v))));
    }
    Err(type_error(format!("%{conv} format: an integer is required, not {}", type_name(v))))
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(b) = to_bigint(v) {
        return b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| overflow_error("int too large to convert to float"));
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        if let Some(f) = r.as_float() {
            return Ok(f);
        }
    }
    if let Some(b) = crate::objects::sequtil::index_bigint(vm, v)? {
        return b.to_f64().ok_or_else(|| overflow_error("int too large to convert to float"));
    }
    Err(type_error(format!("must be real number, not {}", type_name(v))))
}

/// How `%s`, `%r`, `%a` and `%c` render: text for `str`, bytes (as latin-1 chars) for `bytes`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Str,
    Bytes,
}

fn bytes_as_latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn text_arg(vm: &mut Vm, v: &Value, conv: char, mode: Mode) -> PyResult<String> {
    match (mode, conv) {
        (Mode::Str, 's') => vm.str_string(v),
        (Mode::Str, 'r') => vm.repr_string(v),
        (_, 'a') | (Mode::Bytes, 'r') => {
            let r = vm.repr_string(v)?;
            Ok(super::repr::ascii_escape(&r))
        }
        (Mode::Bytes, _) => {
            if let Some(b) = crate::objects::bytes::bytes_data(v) {
                return Ok(bytes_as_latin1(&b));
            }
            if let Some(r) = vm.call_special(v, "__bytes__", &[])? {
                if let Some(b) = crate::objects::bytes::bytes_data(&r) {
                    return Ok(bytes_as_latin1(&b));
                }
            }
            Err(type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                type_name(v)
            )))
        }
        _ => vm.str_string(v),
    }
}

fn char_arg(v: &Value, mode: Mode) -> PyResult<char> {
    if mode == Mode::Bytes {
        if let Some(b) = crate::objects::bytes::bytes_data(v) {
            if b.len() == 1 {
                return Ok(b[0] as char);
            }
        }
        if let Some(i) = crate::objects::int::to_i64(v).filter(|_| crate::objects::sequtil::is_int(v)) {
            if (0..256).contains(&i) {
                return Ok(i as u8 as char);
            }
            return Err(overflow_error("%c arg not in range(256)"));
        }
        return Err(type_error("%c requires an integer in range(256) or a single byte"));
    }
    if let Some(s) = v.downcast::<PyStr>() {
        let mut it = s.as_str().chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(type_error("%c requires int or char"));
    }
    if crate::objects::sequtil::is_int(v) {
        let Some(i) = crate::objects::int::to_i64(v) else {
            return Err(overflow_error("%c arg not in range(0x110000)"));
        };
        return u32::try_from(i)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"));
    }
    Err(type_error("%c requires int or char"))
}

/// `fmt % args` for `str` (`Mode::Str`) or `bytes` (chars are latin-1 bytes).
pub fn format_mode(vm: &mut Vm, fmt: &str, args: &Value, mode: Mode) -> PyResult<String> {
    // Scanned as bytes: every character of a conversion spec is ASCII, so each index the
    // scan stops at is a char boundary; literal text between specs is copied in runs.
    let cs = fmt.as_bytes();
    let (items, mut arglen, mut argidx): (&[Value], i64, i64) = match args.as_tuple() {
        Some(t) => (t, t.len() as i64, 0),
        None => (std::slice::from_ref(args), -1, -2),
    };
    // Asked only when needed (a `%(key)` or leftover arguments): no lookup per call.
    let is_mapping = |vm: &Vm| {
        args.as_tuple().is_none()
            && args.as_str().is_none()
            && !(mode == Mode::Bytes && crate::objects::bytes::bytes_data(args).is_some())
            && vm.lookup_special(args, "__getitem__").is_some()
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let next_arg = |argidx: &mut i64, arglen: i64| -> PyResult<Value> {
        if *argidx < arglen {
            *argidx += 1;
            if arglen < 0 {
                return Ok(items[0].clone());
            }
            return Ok(items[(*argidx - 1) as usize].clone());
        }
        Err(type_error(format!(
            "not enough arguments for format {}",
            if mode == Mode::Str { "string" } else { "bytes" }
        )))
    };
    while i < cs.len() {
        let Some(off) = memchr::memchr(b'%', &cs[i..]) else {
            out.push_str(&fmt[i..]);
            break;
        };
        out.push_str(&fmt[i..i + off]);
        i += off + 1;
        let spec_start = i;
        let mut keyed: Option<Value> = None;
        if i < cs.len() && cs[i] == b'(' {
            if !is_mapping(vm) {
                return Err(type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < cs.len() && depth > 0 {
                if cs[i] == b'(' {
                    depth += 1;
                } else if cs[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key = &fmt[st..i - 1];
            let kv = match mode {
                Mode::Str => crate::objects::str::new_str(key),
                Mode::Bytes => crate::objects::bytes::new_bytes(key.chars().map(|c| c as u8).collect()),
            };
            keyed = Some(vm.getitem(args, &kv)?);
            arglen = -1;
            argidx = -2;
        }
        let mut fl = Flags::default();
        while i < cs.len() {
            match cs[i] {
                b'-' => fl.left = true,
                b'+' => fl.plus = true,
                b' ' => fl.space = true,
                b'#' => fl.alt = true,
                b'0' => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = 0usize;
        if i < cs.len() && cs[i] == b'*' {
            let v = next_arg(&mut argidx, arglen)?;
            if !crate::objects::sequtil::is_int(&v) {
                return Err(type_error("* wants int"));
            }
            // A C ssize_t, as CPython's PyLong_AsSsize_t.
            let w = crate::objects::int::to_i64(&v)
                .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?;
            if w < 0 {
                fl.left = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < cs.len() && cs[i].is_ascii_digit() {
                width = width.saturating_mul(10).saturating_add((cs[i] - b'0') as usize);
                if width > isize::MAX as usize {
                    return Err(value_error("width too big"));
                }
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < cs.len() && cs[i] == b'.' {
            i += 1;
            if i < cs.len() && cs[i] == b'*' {
                let v = next_arg(&mut argidx, arglen)?;
                if !crate::objects::sequtil::is_int(&v) {
                    return Err(type_error("* wants int"));
                }
                // A C int, as CPython's _PyLong_AsInt.
                let p = crate::objects::int::to_i64(&v)
                    .and_then(|p| i32::try_from(p).ok())
                    .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < cs.len() && cs[i].is_ascii_digit() {
                    p = p.saturating_mul(10).saturating_add((cs[i] - b'0') as usize);
                    if p > i32::MAX as usize {
                        return Err(value_error("precision too big"));
                    }
                    i += 1;
                }
                prec = Some(p);
            }
        }
        crate::objects::sequtil::check_alloc(width as u128 + prec.unwrap_or(0) as u128)?;
        while i < cs.len() && matches!(cs[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        let Some(conv) = fmt[i..].chars().next() else {
            return Err(value_error("incomplete format"));
        };
        let conv_at = i;
        i += conv.len_utf8();
        if conv == '%' && conv_at == spec_start {
            out.push('%');
            continue;
        }
        let mut arg = |argidx: &mut i64| -> PyResult<Value> {
            match keyed.take() {
                Some(v) => Ok(v),
                None => next_arg(argidx, arglen),
            }
        };
        match conv {
            's' | 'r' | 'a' | 'b' if conv != 'b' || mode == Mode::Bytes => {
                let v = arg(&mut argidx)?;
                // Plain `%s` of an exact str: copy it straight in.
                if conv == 's' && mode == Mode::Str && prec.is_none() && width == 0 {
                    if let Some(t) = v.payload::<PyStr>() {
                        out.push_str(t.as_str());
                        continue;
                    }
                }
                let mut t = text_arg(vm, &v, conv, mode)?;
                if let Some(p) = prec {
                    if let Some((b, _)) = t.char_indices().nth(p) {
                        t.truncate(b);
                    }
                }
                out.push_str(&pad_text(&t, &fl, width));
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let v = arg(&mut argidx)?;
                // Plain `%d` of a small int: write it straight in.
                if matches!(conv, 'd' | 'i' | 'u') && prec.is_none() && width == 0 && !fl.plus && !fl.space {
                    if let Some(i) = v.as_small() {
                        out.push_str(itoa::Buffer::new().format(i));
                        continue;
                    }
                }
                let (neg, mut digits) = match v.as_small() {
                    // Small ints: no BigInt round trip.
                    Some(i) => {
                        let m = i.unsigned_abs();
                        let d = match conv {
                            'x' => format!("{m:x}"),
                            'X' => format!("{m:X}"),
                            'o' => format!("{m:o}"),
                            _ => m.to_string(),
                        };
                        (i < 0, d)
                    }
                    None => {
                        let n = int_arg(vm, &v, conv)?;
                        let mag = n.abs();
                        let d = match conv {
                            'x' => mag.to_str_radix(16),
                            'X' => mag.to_str_radix(16).to_uppercase(),
                            'o' => mag.to_str_radix(8),
                            _ => mag.to_string(),
                        };
                        (n.is_negative(), d)
                    }
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = "0".repeat(p - digits.len()) + &digits;
                    }
                }
                let prefix = match (conv, fl.alt) {
                    ('x', true) => "0x",
                    ('X', true) => "0X",
                    ('o', true) => "0o",
                    _ => "",
                };
                out.push_str(&pad_number(neg, prefix, &digits, &fl, width));
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let v = arg(&mut argidx)?;
                let x = float_arg(vm, &v)?;
                let p = prec.unwrap_or(6);
                let upper = conv.is_ascii_uppercase();
                let body = if !x.is_finite() {
                    let mut f2 = Flags { zero: false, ..fl };
                    f2.zero = false;
                    let s = nonfinite(x.abs(), upper);
                    let s = if x.is_nan() { s } else { s.trim_start_matches('-').to_owned() };
                    out.push_str(&pad_number(x.is_sign_negative() && !x.is_nan(), "", &s, &f2, width));
                    continue;
                } else {
                    match conv {
                        'e' | 'E' => fmt_e(x.abs(), p, upper),
                        'f' | 'F' => {
                            let mut s = fmt_f(x.abs(), p);
                            if fl.alt && p == 0 {
                                s.push('.');
                            }
                            s
                        }
                        _ => fmt_g(x.abs(), p, fl.alt, upper),
                    }
                };
                out.push_str(&pad_number(
                    x.is_sign_negative() && x != 0.0 || (x == 0.0 && x.is_sign_negative()),
                    "",
                    &body,
                    &fl,
                    width,
                ));
            }
            'c' => {
                let v = arg(&mut argidx)?;
                let ch = char_arg(&v, mode)?;
                out.push_str(&pad_text(&ch.to_string(), &fl, width));
            }
            _ => {
                if conv == '%' {
                    // A '%' after flags/width is a conversion: it takes an argument first.
                    arg(&mut argidx)?;
                }
                let code = conv as u32;
                let conv_at = fmt[..conv_at].chars().count();
                return Err(value_error(format!(
                    "unsupported format character '{}' (0x{code:x}) at index {conv_at}",
                    if (32..127).contains(&code) { conv.to_string() } else { "?".into() }
                )));
            }
        }
    }
    if argidx < arglen && !is_mapping(vm) {
        return Err(type_error(format!(
            "not all arguments converted during {} formatting",
            if mode == Mode::Str { "string" } else { "bytes" }
        )));
    }
    Ok(out)
}

/// `fmt % args` for `str`.
pub fn format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    format_mode(vm, fmt, args, Mode::Str)
}

#[allow(dead_code)]
fn _k(_: Kind, _: PyErr) {}
