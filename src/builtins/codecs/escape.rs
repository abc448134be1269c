//! The `unicode_escape` and `raw_unicode_escape` codecs (`_codecs.unicode_escape_decode`
//! and friends), step for step as CPython's unicodeobject.c: every escape of a string
//! literal, `\N{name}` through `unicodedata`'s names (aliases too), error ranges and
//! messages, the strict/replace/ignore/backslashreplace handlers (others act as
//! strict), partial input (`final=False`) and the DeprecationWarning for an invalid
//! escape.

use crate::objects::bytes::new_bytes;
use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

/// The data argument (`s*`): a bytes-like object, or a str taken as its UTF-8 bytes.
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    crate::builtins::memoryview::buffer_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

/// `(data, errors=None, final=True)`.
fn decode_args(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(Vec<u8>, String, bool)> {
    let p = args.range(fname, 1, 3)?;
    let data = data_arg(&p[0])?;
    let errors = match p.get(1) {
        Some(e) if !e.is_none() => e
            .as_str()
            .ok_or_else(|| type_error(format!("{fname}() argument 2 must be str or None, not {}", type_name(e))))?
            .to_owned(),
        _ => "strict".to_owned(),
    };
    let final_ = match p.get(2) {
        Some(f) => vm.truthy(f)?,
        None => true,
    };
    Ok((data, errors, final_))
}

/// A decoding failure over `data[start..end]`, handled by `errors`: the text to put in
/// its place, or the UnicodeDecodeError.
fn handle(
    vm: &mut Vm,
    codec: &str,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    msg: &str,
) -> PyResult<String> {
    match errors {
        "replace" => Ok("\u{fffd}".to_string()),
        "ignore" => Ok(String::new()),
        "backslashreplace" => Ok(data[start..end].iter().map(|b| format!("\\x{b:02x}")).collect()),
        _ => {
            let cls = exc().unicode_decode_error.clone();
            let args =
                [new_str(codec), new_bytes(data.to_vec()), new_int(start as i64), new_int(end as i64), new_str(msg)];
            Err(match vm.call_pos(&cls, &args) {
                Ok(e) => PyErr(e),
                Err(e) => e,
            })
        }
    }
}

fn push_code(out: &mut String, c: u32) {
    // A lone surrogate cannot live in pylift's UTF-8 strings: U+FFFD, as chr() gives.
    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
}

fn warn(vm: &mut Vm, msg: String) -> PyResult<()> {
    let w = vm.import_module("warnings")?;
    let f = vm.getattr_str(&w, "warn")?;
    let cat = exc().deprecation_warning.clone();
    vm.call_pos(&f, &[new_str(msg), cat, new_int(1)])?;
    Ok(())
}

/// How an escape ended: decoded, cut off by the end of the input, or malformed.
enum Step {
    Char(u32),
    Incomplete(&'static str),
    Error(&'static str),
}

/// `n` hex digits at `*i`: the value, or why not (the input ended, or a non-hex byte).
fn hex_digits(b: &[u8], i: &mut usize, n: usize, msg: &'static str) -> Step {
    let mut v: u32 = 0;
    for _ in 0..n {
        let Some(&c) = b.get(*i) else { return Step::Incomplete(msg) };
        let Some(d) = (c as char).to_digit(16) else { return Step::Error(msg) };
        v = v << 4 | d;
        *i += 1;
    }
    Step::Char(v)
}

pub(super) fn unicode_escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (b, errors, final_) = decode_args(vm, &args, "unicode_escape_decode")?;
    let mut out = String::with_capacity(b.len());
    // The first escape CPython warns about: an unknown one, or an octal one past 0o377.
    let mut first_invalid: Option<String> = None;
    let mut i = 0;
    let mut consumed = b.len();
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' {
            out.push(c as char);
            continue;
        }
        let start = i - 1;
        let step = match b.get(i).copied() {
            None => Step::Incomplete("\\ at end of string"),
            Some(e) => {
                i += 1;
                match e {
                    b'\n' => continue,
                    b'\\' | b'\'' | b'"' => Step::Char(e as u32),
                    b'b' => Step::Char(8),
                    b'f' => Step::Char(12),
                    b't' => Step::Char(9),
                    b'n' => Step::Char(10),
                    b'r' => Step::Char(13),
                    b'v' => Step::Char(11),
                    b'a' => Step::Char(7),
                    b'0'..=b'7' => {
                        let mut v = (e - b'0') as u32;
                        for _ in 0..2 {
                            match b.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = (v << 3) + (d - b'0') as u32;
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        if v > 0o377 && first_invalid.is_none() {
                            let digits = String::from_utf8_lossy(&b[start + 1..i]);
                            first_invalid = Some(format!("invalid octal escape sequence '\\{digits}'"));
                        }
                        Step::Char(v)
                    }
                    b'x' => hex_digits(&b, &mut i, 2, "truncated \\xXX escape"),
                    b'u' => hex_digits(&b, &mut i, 4, "truncated \\uXXXX escape"),
                    b'U' => match hex_digits(&b, &mut i, 8, "truncated \\UXXXXXXXX escape") {
                        Step::Char(v) if v > 0x10FFFF => Step::Error("illegal Unicode character"),
                        s => s,
                    },
                    b'N' => named(&b, &mut i),
                    _ => {
                        first_invalid.get_or_insert_with(|| format!("invalid escape sequence '\\{}'", e as char));
                        out.push('\\');
                        out.push(e as char);
                        continue;
                    }
                }
            }
        };
        match step {
            Step::Char(v) => push_code(&mut out, v),
            Step::Incomplete(_) if !final_ => {
                consumed = start;
                break;
            }
            Step::Incomplete(msg) | Step::Error(msg) => {
                out.push_str(&handle(vm, "unicodeescape", &errors, &b, start, i, msg)?);
            }
        }
    }
    if let Some(msg) = first_invalid {
        warn(vm, msg)?;
    }
    Ok(new_tuple(vec![new_str(out), new_int(consumed as i64)]))
}

/// `\N{name}` after the `N`.
fn named(b: &[u8], i: &mut usize) -> Step {
    const MSG: &str = "malformed \\N character escape";
    match b.get(*i) {
        None => return Step::Incomplete(MSG),
        Some(b'{') => {}
        Some(_) => return Step::Error(MSG),
    }
    *i += 1;
    let name_start = *i;
    while *i < b.len() && b[*i] != b'}' {
        *i += 1;
    }
    if *i >= b.len() {
        return Step::Incomplete(MSG);
    }
    if *i == name_start {
        return Step::Error(MSG);
    }
    let name = &b[name_start..*i];
    *i += 1;
    match crate::builtins::unicodedata::lookup_char(name) {
        Some(c) => Step::Char(c),
        None => Step::Error("unknown Unicode character name"),
    }
}

pub(super) fn raw_unicode_escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (b, errors, final_) = decode_args(vm, &args, "raw_unicode_escape_decode")?;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    let mut consumed = b.len();
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        // `\u` escapes only after an odd run of backslashes.
        let run_start = i;
        while i < b.len() && b[i] == b'\\' {
            i += 1;
        }
        let run = i - run_start;
        if run % 2 == 1 && i >= b.len() && !final_ {
            // A last odd backslash may start an escape the next input completes.
            out.extend(std::iter::repeat_n('\\', run - 1));
            consumed = i - 1;
            break;
        }
        let is_escape = run % 2 == 1 && matches!(b.get(i), Some(b'u' | b'U'));
        let kept = if is_escape { run - 1 } else { run };
        out.extend(std::iter::repeat_n('\\', kept));
        if !is_escape {
            continue;
        }
        let start = i - 1;
        let (n, msg) = if b[i] == b'u' { (4, "truncated \\uXXXX escape") } else { (8, "truncated \\UXXXXXXXX escape") };
        i += 1;
        let step = match hex_digits(&b, &mut i, n, msg) {
            Step::Char(v) if v > 0x10FFFF => Step::Error("\\Uxxxxxxxx out of range"),
            s => s,
        };
        match step {
            Step::Char(v) => push_code(&mut out, v),
            Step::Incomplete(_) if !final_ => {
                consumed = start;
                break;
            }
            Step::Incomplete(msg) | Step::Error(msg) => {
                out.push_str(&handle(vm, "rawunicodeescape", &errors, &b, start, i, msg)?);
            }
        }
    }
    Ok(new_tuple(vec![new_str(out), new_int(consumed as i64)]))
}

/// The text argument of the encoders, with CPython's message.
fn text_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<(&'a str, usize)> {
    let p = args.range(fname, 1, 2)?;
    let s = p[0]
        .as_str()
        .ok_or_else(|| type_error(format!("{fname}() argument 1 must be str, not {}", type_name(&p[0]))))?;
    Ok((s, s.chars().count()))
}

pub(super) fn unicode_escape_encode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, n) = text_arg(&args, "unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(v as u8),
            _ if v < 0x100 => out.extend_from_slice(format!("\\x{v:02x}").as_bytes()),
            _ if v < 0x10000 => out.extend_from_slice(format!("\\u{v:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{v:08x}").as_bytes()),
        }
    }
    Ok(new_tuple(vec![new_bytes(out), new_int(n as i64)]))
}

pub(super) fn raw_unicode_escape_encode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, n) = text_arg(&args, "raw_unicode_escape_encode")?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 0x100 {
            out.push(v as u8);
        } else if v < 0x10000 {
            out.extend_from_slice(format!("\\u{v:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{v:08x}").as_bytes());
        }
    }
    Ok(new_tuple(vec![new_bytes(out), new_int(n as i64)]))
}
