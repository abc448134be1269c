//! `bytes` (immutable) and `bytearray` (mutable) byte strings: constructors, repr,
//! indexing and slicing, operators, the codecs (utf-8, ascii, latin-1) and bytearray
//! mutation. The shared named methods are in `bytes/methods.rs`.

pub mod methods;

use std::borrow::Cow;
use std::cell::RefCell;

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::iter::{BytesIter, new_native_iter};
use crate::objects::list::has_user_reflected;
use crate::objects::sequtil::{
    SubKey, index_isize, marg1, margs, new_cls, norm_index, repeat, repeat_count, subscript_key, to_size,
};
use crate::objects::{Trace, none, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, index_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyBytes(pub Box<[u8]>);
impl Trace for PyBytes {}

pub struct PyByteArray(pub RefCell<Vec<u8>>);
impl Trace for PyByteArray {}

static EMPTY_BYTES: crate::values::gil::GilCell<Value> = crate::values::gil::GilCell::new();

pub fn new_bytes(b: Vec<u8>) -> Value {
    if b.is_empty() {
        // `b''` is a singleton, as in CPython.
        return EMPTY_BYTES
            .init(|| {
                let v = layout::alloc(&types().bytes, PyBytes(Box::new([])));
                layout::make_immortal(&v);
                v
            })
            .clone();
    }
    layout::alloc(&types().bytes, PyBytes(b.into_boxed_slice()))
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    layout::alloc(&types().bytearray, PyByteArray(RefCell::new(b)))
}

/// The bytes of a bytes-like object (bytes, bytearray or subclasses).
pub fn bytes_data(v: &Value) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(Cow::Borrowed(&b.0));
    }
    v.downcast::<PyByteArray>().map(|b| Cow::Owned(b.0.borrow().clone()))
}

/// Is `v` a bytearray (so results of its methods are bytearrays)?
pub fn is_bytearray(v: &Value) -> bool {
    v.downcast::<PyByteArray>().is_some()
}

/// A result of the same flavour as `like`.
pub fn make_like(like: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(like) { new_bytearray(b) } else { new_bytes(b) }
}

fn norm_encoding(enc: &str) -> String {
    enc.trim().to_ascii_lowercase().replace('_', "-")
}

/// Which builtin codec an encoding name denotes.
fn codec(enc: &str) -> Option<&'static str> {
    match norm_encoding(enc).as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some("utf-8"),
        "ascii" | "us-ascii" | "646" => Some("ascii"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" | "latin" => Some("latin-1"),
        "utf-16" | "utf16" => Some("utf-16"),
        "utf-16-le" | "utf-16le" => Some("utf-16-le"),
        "utf-16-be" | "utf-16be" => Some("utf-16-be"),
        "utf-32" | "utf32" => Some("utf-32"),
        "utf-32-le" | "utf-32le" => Some("utf-32-le"),
        "utf-32-be" | "utf-32be" => Some("utf-32-be"),
        _ => None,
    }
}

fn unknown_encoding(enc: &str) -> PyErr {
    PyErr::new(&crate::objects::registry::exc().lookup_error, format!("unknown encoding: {enc}"))
}

fn check_errors(errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape" | "xmlcharrefreplace" => Ok(()),
        _ => Err(PyErr::new(
            &crate::objects::registry::exc().lookup_error,
            format!("unknown error handler name '{errors}'"),
        )),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(c) = codec(encoding) else { return Err(unknown_encoding(encoding)) };
    if c.starts_with("utf-16") || c.starts_with("utf-32") {
        return Ok(encode_wide(s, c));
    }
    if c == "utf-8" || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = if c == "ascii" { 128 } else { 256 };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j] as u32) >= limit {
            j += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &ch in &chars[i..j] {
                    let n = ch as u32;
                    let e = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(e.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &ch in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            _ => {
                check_errors(errors)?;
                let range = if c == "ascii" { "range(128)" } else { "range(256)" };
                let msg = if j - i == 1 {
                    let r = crate::objects::str::repr::repr_with(&ch.to_string(), true);
                    format!("'{c}' codec can't encode character {r} in position {i}: ordinal not in {range}")
                } else {
                    format!("'{c}' codec can't encode characters in position {i}-{}: ordinal not in {range}", j - 1)
                };
                return Err(PyErr::new(&crate::objects::registry::exc().unicode_encode_error, msg));
            }
        }
        i = j;
    }
    Ok(out)
}

/// UTF-16/UTF-32 encoding (the plain names write a little-endian BOM first).
fn encode_wide(s: &str, c: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let be = c.ends_with("-be");
    let bom = !c.ends_with("-le") && !be;
    if c.starts_with("utf-16") {
        if bom {
            out.extend_from_slice(&[0xff, 0xfe]);
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
    } else {
        if bom {
            out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
        }
        for ch in s.chars() {
            let u = ch as u32;
            out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
    }
    out
}

fn decode_wide(b: &[u8], c: &str, errors: &str) -> PyResult {
    let mut be = c.ends_with("-be");
    let mut data = b;
    if !c.ends_with("-le") && !be {
        if c.starts_with("utf-16") {
            if data.starts_with(&[0xff, 0xfe]) {
                data = &data[2..];
            } else if data.starts_with(&[0xfe, 0xff]) {
                data = &data[2..];
                be = true;
            }
        } else if data.starts_with(&[0xff, 0xfe, 0, 0]) {
            data = &data[4..];
        } else if data.starts_with(&[0, 0, 0xfe, 0xff]) {
            data = &data[4..];
            be = true;
        }
    }
    let ude = &crate::objects::registry::exc().unicode_decode_error;
    let name = if c.starts_with("utf-16") { "utf-16-le" } else { "utf-32-le" };
    let name = if be { name.replace("le", "be") } else { name.to_owned() };
    let mut out = String::new();
    if c.starts_with("utf-16") {
        let units: Vec<u16> = data
            .chunks_exact(2)
            .map(|p| if be { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) })
            .collect();
        for r in char::decode_utf16(units) {
            match r {
                Ok(ch) => out.push(ch),
                Err(_) if errors == "ignore" => {}
                Err(_) if errors == "replace" => out.push('\u{fffd}'),
                Err(_) => {
                    return Err(PyErr::new(
                        ude,
                        format!("'{name}' codec can't decode bytes: illegal UTF-16 surrogate"),
                    ));
                }
            }
        }
        if data.len() % 2 == 1 && errors == "strict" {
            return Err(PyErr::new(
                ude,
                format!(
                    "'{name}' codec can't decode byte 0x{:02x} in position {}: truncated data",
                    data[data.len() - 1],
                    b.len() - 1
                ),
            ));
        }
    } else {
        for p in data.chunks_exact(4) {
            let u = if be {
                u32::from_be_bytes([p[0], p[1], p[2], p[3]])
            } else {
                u32::from_le_bytes([p[0], p[1], p[2], p[3]])
            };
            match char::from_u32(u) {
                Some(ch) => out.push(ch),
                None if errors == "ignore" => {}
                None if errors == "replace" => out.push('\u{fffd}'),
                None => {
                    return Err(PyErr::new(
                        ude,
                        format!("'{name}' codec can't decode bytes: code point not in range(0x110000)"),
                    ));
                }
            }
        }
    }
    Ok(crate::objects::str::new_str(out))
}

/// `b.decode(encoding, errors)` as a str value.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult {
    let Some(c) = codec(encoding) else { return Err(unknown_encoding(encoding)) };
    let ude = &crate::objects::registry::exc().unicode_decode_error;
    match c {
        _ if c.starts_with("utf-16") || c.starts_with("utf-32") => decode_wide(b, c, errors),
        "latin-1" => Ok(crate::objects::str::new_str(b.iter().map(|&x| x as char).collect::<String>())),
        "ascii" => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 128 {
                    out.push(x as char);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                        _ => {
                            check_errors(errors)?;
                            return Err(PyErr::new(
                                ude,
                                format!(
                                    "'ascii' codec can't decode byte 0x{x:02x} in position {i}: ordinal not in range(128)"
                                ),
                            ));
                        }
                    }
                }
            }
            Ok(crate::objects::str::new_str(out))
        }
        _ => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(crate::objects::str::new_str(s));
            }
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad_len = e.error_len().unwrap_or(rest.len() - good);
                        let pos = base + good;
                        match errors {
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for x in &rest[good..good + bad_len] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                            _ => {
                                check_errors(errors)?;
                                let first = rest[good];
                                let msg = if e.error_len().is_none() {
                                    if bad_len == 1 {
                                        format!(
                                            "'utf-8' codec can't decode byte 0x{first:02x} in position {pos}: unexpected end of data"
                                        )
                                    } else {
                                        format!(
                                            "'utf-8' codec can't decode bytes in position {pos}-{}: unexpected end of data",
                                            pos + bad_len - 1
                                        )
                                    }
                                } else {
                                    let reason = if (0xc2..=0xf4).contains(&first) {
                                        "invalid continuation byte"
                                    } else {
                                        "invalid start byte"
                                    };
                                    format!("'utf-8' codec can't decode byte 0x{first:02x} in position {pos}: {reason}")
                                };
                                return Err(PyErr::new(ude, msg));
                            }
                        }
                        rest = &rest[good + bad_len..];
                        base += good + bad_len;
                    }
                }
            }
            Ok(crate::objects::str::new_str(out))
        }
    }
}

/// `repr(bytes)` body: `b'...'` with CPython's quoting and escapes.
pub fn repr_bytes(b: &[u8]) -> String {
    repr_bytes_with(b, false)
}

/// `repr` of bytes data; bytearray's repr escapes `'` even inside double quotes (as CPython).
pub fn repr_bytes_with(b: &[u8], bytearray: bool) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(q);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\'' if bytearray => out.push_str("\\'"),
            _ if c as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q);
    out
}

/// Bytes from the argument of `bytes(x)` / `bytearray(x)` (no encoding given).
fn from_object(vm: &mut Vm, x: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(x) {
        return Ok(b.into_owned());
    }
    if x.as_str().is_some() {
        return Err(type_error("string argument without an encoding"));
    }
    if crate::objects::sequtil::is_int(x) || (x.kind() == Kind::Instance && vm.lookup_special(x, "__index__").is_some())
    {
        let n = to_size(vm, x)?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        // PyBytes_FromStringAndSize's header must fit too (a bytearray's is separate).
        if what == "bytes" && n as u128 > isize::MAX as u128 - 33 {
            return Err(crate::vm::errors::overflow_error("byte string is too large"));
        }
        crate::objects::sequtil::check_alloc(n as u128)?;
        return Ok(vec![0; n as usize]);
    }
    if let Some(r) = vm.call_special(x, "__bytes__", &[])? {
        return match bytes_data(&r) {
            Some(b) => Ok(b.into_owned()),
            None => Err(type_error(format!("__bytes__ returned non-bytes (type {})", type_name(&r)))),
        };
    }
    if vm.lookup_special(x, "__iter__").is_none() && vm.lookup_special(x, "__getitem__").is_none() {
        return Err(type_error(format!("cannot convert '{}' object to {what}", type_name(x))));
    }
    let items = vm.to_vec(x)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(byte_value(vm, &v)?);
    }
    Ok(out)
}

/// One byte from an int-like value ("bytes must be in range(0, 256)").
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = match crate::objects::sequtil::index_clamped(vm, v)? {
        Some(n) => n,
        None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    };
    u8::try_from(n).map_err(|_| value_error("byte must be in range(0, 256)"))
}

fn ctor_data(vm: &mut Vm, args: &Args<'_>, what: &str) -> PyResult<Vec<u8>> {
    let b = crate::objects::sequtil::mbind(args, what, &["source", "encoding", "errors"], 0)?;
    match (&b[0], &b[1], &b[2]) {
        (None, None, None) => Ok(Vec::new()),
        (Some(x), None, None) => from_object(vm, x, what).map_err(|e| {
            if e.matches(&crate::objects::registry::exc().value_error)
                && crate::objects::exception::exc_str(vm, &e.0) == "byte must be in range(0, 256)"
            {
                value_error("bytes must be in range(0, 256)")
            } else {
                e
            }
        }),
        (Some(x), enc, errs) => {
            let Some(s) = x.as_str() else {
                return Err(type_error(if enc.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }));
            };
            let enc = enc.as_ref().and_then(|e| e.as_str()).unwrap_or("utf-8").to_owned();
            let errs = errs.as_ref().and_then(|e| e.as_str()).unwrap_or("strict").to_owned();
            encode(s, &enc, &errs)
        }
        (None, _, _) => Err(type_error("encoding or errors without sequence argument")),
    }
}

fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().bytes)?;
    if args.pos().len() == 2 && !args.has_kwargs() && args.pos()[1].kind() == Kind::Bytes && cls.is(&types().bytes) {
        return Ok(args.pos()[1].clone());
    }
    let data = ctor_data(vm, &args, "bytes")?;
    Ok(crate::objects::sequtil::new_for_class(cls, &types().bytes, new_bytes(data)))
}

fn bytearray_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().bytearray)?;
    Ok(crate::objects::sequtil::new_for_class(cls, &types().bytearray, new_bytearray(Vec::new())))
}

fn bytearray_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "__init__")?;
    let data = ctor_data(vm, &args, "bytearray")?;
    *ba.0.borrow_mut() = data;
    Ok(none())
}

/// `self` of a method shared by bytes and bytearray: the value and a snapshot of its data.
pub(crate) fn bself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, Vec<u8>)> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method bytes.{meth}() needs an argument")));
    };
    match bytes_data(s) {
        Some(b) => Ok((s, b.into_owned())),
        None => Err(type_error(format!(
            "descriptor '{meth}' for 'bytes' objects doesn't apply to a '{}' object",
            type_name(s)
        ))),
    }
}

fn baself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyByteArray)> {
    crate::objects::sequtil::this::<PyByteArray>(args, meth, "bytearray")
}

fn b_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "__len__")?;
    Ok(new_int(b.len() as i64))
}

fn b_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__getitem__")?;
    let k = marg1(&args, "__getitem__")?;
    let what = if is_bytearray(s) { "bytearray" } else { "byte" };
    match subscript_key(vm, k, b.len(), what)? {
        SubKey::Index(i) => {
            let n = b.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(index_error(if is_bytearray(s) {
                    "bytearray index out of range"
                } else {
                    "index out of range"
                }));
            }
            Ok(new_int(b[j as usize] as i64))
        }
        SubKey::Slice(sl) => Ok(make_like(s, sl.positions().filter_map(|p| b.get(p).copied()).collect())),
    }
}

fn b_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "__contains__")?;
    let x = marg1(&args, "__contains__")?;
    if let Some(sub) = bytes_data(x) {
        return Ok(py_bool(methods::find_sub(&b, &sub, 0).is_some()));
    }
    let v = byte_value(vm, x)?;
    Ok(py_bool(b.contains(&v)))
}

fn b_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__add__")?;
    let o = marg1(&args, "__add__")?;
    match bytes_data(o) {
        Some(ob) => {
            let mut v = b;
            v.extend_from_slice(&ob);
            Ok(make_like(s, v))
        }
        None if has_user_reflected(vm, o, "__radd__") => Ok(not_implemented()),
        None => Err(type_error(format!("can't concat {} to {}", type_name(o), type_name(s)))),
    }
}

/// `b * n`: a bytes result longer than `sys.maxsize` is CPython's OverflowError (a
/// bytearray's, MemoryError).
fn repeat_bytes(s: &Value, b: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if s.kind() == Kind::Bytes && n > 0 && b.len() as u128 * n as u128 > isize::MAX as u128 {
        return Err(crate::vm::errors::overflow_error("repeated bytes are too long"));
    }
    repeat(b, n)
}

fn b_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__mul__")?;
    let o = marg1(&args, "__mul__")?;
    match repeat_count(vm, o)? {
        Some(n) => Ok(make_like(s, repeat_bytes(s, &b, n)?)),
        None if has_user_reflected(vm, o, "__rmul__") => Ok(not_implemented()),
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(o)))),
    }
}

fn b_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__rmul__")?;
    let o = marg1(&args, "__rmul__")?;
    match repeat_count(vm, o)? {
        Some(n) => Ok(make_like(s, repeat_bytes(s, &b, n)?)),
        None => Ok(not_implemented()),
    }
}

fn b_mod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__mod__")?;
    let o = marg1(&args, "__mod__")?;
    let fmt: String = b.iter().map(|&c| c as char).collect();
    let r = crate::objects::str::percent::format_mode(vm, &fmt, o, crate::objects::str::percent::Mode::Bytes)?;
    Ok(make_like(s, r.chars().map(|c| c as u32 as u8).collect()))
}

fn b_cmp(args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, b) = bself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(ob) = bytes_data(o) else { return Ok(not_implemented()) };
    let (x, y) = (&b[..], &ob[..]);
    Ok(py_bool(op.apply(x, y)))
}
fn b_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Eq)
}
fn b_ne(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Ne)
}
fn b_lt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Lt)
}
fn b_le(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Le)
}
fn b_gt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Gt)
}
fn b_ge(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    b_cmp(args, CmpOp::Ge)
}

fn b_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "__hash__")?;
    Ok(new_int(crate::objects::str::hash_bytes(&b)))
}

fn b_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = bself(&args, "__iter__")?;
    let ty = if is_bytearray(s) { &types().bytearray_iterator } else { &types().bytes_iterator };
    Ok(new_native_iter(ty, Box::new(BytesIter { b: Some(s.clone()), index: 0 })))
}

fn b_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__repr__")?;
    let r = repr_bytes_with(&b, is_bytearray(s));
    if is_bytearray(s) {
        let tn = type_name(s);
        return Ok(crate::objects::str::new_str(format!("{tn}({r})")));
    }
    Ok(crate::objects::str::new_str(r))
}

fn b_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "decode")?;
    let p = crate::objects::sequtil::mbind(&args, "decode", &["encoding", "errors"], 0)?;
    let enc = match &p[0] {
        Some(v) => crate::objects::str::arg_str(v, "decode() argument 'encoding'")?.to_owned(),
        None => "utf-8".into(),
    };
    let errs = match &p[1] {
        Some(v) => crate::objects::str::arg_str(v, "decode() argument 'errors'")?.to_owned(),
        None => "strict".into(),
    };
    if codec(&enc).is_none() {
        return decode_via_registry(vm, &b, &enc, &errs);
    }
    decode(&b, &enc, &errs)
}

/// A codec pylift has no native form of (cp437, cp1252...): `codecs.lookup(enc).decode`.
fn decode_via_registry(vm: &mut Vm, b: &[u8], enc: &str, errs: &str) -> PyResult {
    let info = crate::builtins::codecs::lookup(vm, enc)?;
    let dec = vm.getitem(&info, &Value::small(1))?;
    let r = vm.call_pos(&dec, &[new_bytes(b.to_vec()), crate::objects::str::new_str(errs)])?;
    let s = vm.getitem(&r, &Value::small(0))?;
    if s.as_str().is_none() {
        return Err(type_error(format!(
            "'{enc}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            type_name(&s)
        )));
    }
    Ok(s)
}

fn b_bytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "__bytes__")?;
    if s.kind() == Kind::Bytes {
        return Ok(s.clone());
    }
    Ok(new_bytes(b))
}

fn b_getnewargs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "__getnewargs__")?;
    Ok(crate::objects::tuple::new_tuple(vec![new_bytes(b)]))
}

fn ba_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "append")?;
    let x = marg1(&args, "bytearray.append")?;
    let v = byte_value(vm, x)?;
    ba.0.borrow_mut().push(v);
    Ok(none())
}

fn ba_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "extend")?;
    let x = marg1(&args, "bytearray.extend")?;
    let data = match bytes_data(x) {
        Some(b) => b.into_owned(),
        None => {
            if x.as_str().is_some() {
                return Err(type_error("expected iterable of integers; got: 'str'"));
            }
            let items = vm.to_vec(x)?;
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                out.push(byte_value(vm, &v)?);
            }
            out
        }
    };
    ba.0.borrow_mut().extend(data);
    Ok(none())
}

fn ba_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, ba) = baself(&args, "__iadd__")?;
    let x = marg1(&args, "bytearray.__iadd__")?;
    let Some(d) = bytes_data(x) else {
        return Err(type_error(format!("can't concat {} to bytearray", type_name(x))));
    };
    let d = d.into_owned();
    ba.0.borrow_mut().extend(d);
    let _ = vm;
    Ok(s.clone())
}

fn ba_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, ba) = baself(&args, "__imul__")?;
    let x = marg1(&args, "bytearray.__imul__")?;
    match repeat_count(vm, x)? {
        Some(n) => {
            let r = repeat(&ba.0.borrow(), n)?;
            *ba.0.borrow_mut() = r;
            Ok(s.clone())
        }
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(x)))),
    }
}

fn ba_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "pop")?;
    let a = margs(&args, "pop", 0, 1)?;
    let i = match a.first() {
        Some(v) => index_isize(vm, v)?
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))?,
        None => -1,
    };
    let mut b = ba.0.borrow_mut();
    if b.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let j = norm_index(i, b.len(), "pop")?;
    Ok(new_int(b.remove(j) as i64))
}

fn ba_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "insert")?;
    let a = margs(&args, "insert", 2, 2)?;
    let i = crate::objects::sequtil::index_clamped(vm, &a[0])?.unwrap_or(0);
    let v = byte_value(vm, &a[1])?;
    let mut b = ba.0.borrow_mut();
    let n = b.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(pos as usize, v);
    Ok(none())
}

fn ba_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "remove")?;
    let x = marg1(&args, "bytearray.remove")?;
    let v = byte_value(vm, x)?;
    let mut b = ba.0.borrow_mut();
    match b.iter().position(|&c| c == v) {
        Some(p) => {
            b.remove(p);
            Ok(none())
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn ba_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "clear")?;
    ba.0.borrow_mut().clear();
    Ok(none())
}

fn ba_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "copy")?;
    Ok(new_bytearray(ba.0.borrow().clone()))
}

fn ba_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "reverse")?;
    ba.0.borrow_mut().reverse();
    Ok(none())
}

fn ba_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "__setitem__")?;
    let a = margs(&args, "__setitem__", 2, 2)?;
    let len = ba.0.borrow().len();
    match subscript_key(vm, &a[0], len, "bytearray")? {
        SubKey::Index(i) => {
            let v = byte_value(vm, &a[1])?;
            let mut b = ba.0.borrow_mut();
            let j = norm_index(i, b.len(), "bytearray")?;
            b[j] = v;
        }
        SubKey::Slice(sl) => {
            let data = match bytes_data(&a[1]) {
                Some(d) => d.into_owned(),
                None => {
                    if crate::objects::sequtil::is_int(&a[1]) {
                        return Err(type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        ));
                    }
                    let items = vm.to_vec(&a[1])?;
                    let mut out = Vec::new();
                    for v in items {
                        out.push(byte_value(vm, &v)?);
                    }
                    out
                }
            };
            let mut b = ba.0.borrow_mut();
            if sl.step == 1 {
                let start = (sl.start.max(0) as usize).min(b.len());
                let stop = (start + sl.len).min(b.len());
                b.splice(start..stop, data);
            } else {
                if data.len() != sl.len {
                    return Err(value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        data.len(),
                        sl.len
                    )));
                }
                for (p, x) in sl.positions().zip(data) {
                    if let Some(slot) = b.get_mut(p) {
                        *slot = x;
                    }
                }
            }
        }
    }
    Ok(none())
}

fn ba_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, ba) = baself(&args, "__delitem__")?;
    let k = marg1(&args, "bytearray.__delitem__")?;
    let len = ba.0.borrow().len();
    match subscript_key(vm, k, len, "bytearray")? {
        SubKey::Index(i) => {
            let mut b = ba.0.borrow_mut();
            let j = norm_index(i, b.len(), "bytearray")?;
            b.remove(j);
        }
        SubKey::Slice(sl) => {
            let mut b = ba.0.borrow_mut();
            let mut kill = vec![false; b.len()];
            for p in sl.positions() {
                if let Some(k) = kill.get_mut(p) {
                    *k = true;
                }
            }
            let old = std::mem::take(&mut *b);
            *b = old.into_iter().zip(kill).filter(|(_, k)| !k).map(|(x, _)| x).collect();
        }
    }
    Ok(none())
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    add_staticmethod(&t.bytes, "__new__", bytes_new);
    add_staticmethod(&t.bytearray, "__new__", bytearray_new);
    add_method(&t.bytearray, "__init__", bytearray_init);
    for ty in [&t.bytes, &t.bytearray] {
        add_method(ty, "__len__", b_len);
        add_method(ty, "__getitem__", b_getitem);
        add_method(ty, "__contains__", b_contains);
        add_method(ty, "__add__", b_add);
        add_method(ty, "__mul__", b_mul);
        add_method(ty, "__rmul__", b_rmul);
        add_method(ty, "__mod__", b_mod);
        add_method(ty, "__eq__", b_eq);
        add_method(ty, "__ne__", b_ne);
        add_method(ty, "__lt__", b_lt);
        add_method(ty, "__le__", b_le);
        add_method(ty, "__gt__", b_gt);
        add_method(ty, "__ge__", b_ge);
        add_method(ty, "__iter__", b_iter);
        add_method(ty, "__repr__", b_repr);
        add_method(ty, "__str__", b_repr);
        add_method(ty, "decode", b_decode);
        methods::init(ty);
    }
    add_method(&t.bytes, "__hash__", b_hash);
    add_method(&t.bytes, "__bytes__", b_bytes);
    add_method(&t.bytes, "__getnewargs__", b_getnewargs);
    let ba = &t.bytearray;
    add_method(ba, "append", ba_append);
    add_method(ba, "extend", ba_extend);
    add_method(ba, "__iadd__", ba_iadd);
    add_method(ba, "__imul__", ba_imul);
    add_method(ba, "pop", ba_pop);
    add_method(ba, "insert", ba_insert);
    add_method(ba, "remove", ba_remove);
    add_method(ba, "clear", ba_clear);
    add_method(ba, "copy", ba_copy);
    add_method(ba, "reverse", ba_reverse);
    add_method(ba, "__setitem__", ba_setitem);
    add_method(ba, "__delitem__", ba_delitem);
    if let Some(tp) = ba.as_type() {
        tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
    }
}
