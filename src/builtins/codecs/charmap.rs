//! `_codecs.charmap_decode`/`charmap_encode`/`charmap_build`: the table codecs of
//! CPython's `encodings` package (cp437, cp1252, mac_roman...), with the strict, replace
//! and ignore error modes.

use crate::objects::bytes::new_bytes;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::types;
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::{Args, PyResult, Vm};

fn errors_arg(v: Option<&Value>) -> String {
    v.and_then(|e| e.as_str()).unwrap_or("strict").to_owned()
}

fn codec_error(vm: &mut Vm, cls: &Value, obj: Value, pos: usize, msg: &str) -> PyErr {
    let args = [new_str("charmap"), obj, new_int(pos as i64), new_int(pos as i64 + 1), new_str(msg)];
    match vm.call_pos(cls, &args) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// What byte `b` decodes to under `mapping` (a 256-char str or a dict); None: undefined.
fn decode_one(vm: &mut Vm, mapping: &Value, b: u8) -> PyResult<Option<String>> {
    if let Some(s) = mapping.as_str() {
        return Ok(s.chars().nth(b as usize).filter(|&c| c != '\u{fffe}').map(String::from));
    }
    let r = match vm.getitem(mapping, &new_int(b as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&exc().lookup_error) => return Ok(None),
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(None);
    }
    if let Some(s) = r.as_str() {
        return Ok((s != "\u{fffe}").then(|| s.to_owned()));
    }
    match crate::objects::int::to_i64(&r).and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
        Some(c) => Ok(Some(c.to_string())),
        None => Err(type_error("character mapping must be in range(0x110000)")),
    }
}

pub(super) fn charmap_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("charmap_decode", 1, 3)?;
    let data = crate::builtins::memoryview::buffer_bytes(&a[0]).ok_or_else(|| {
        type_error(format!("a bytes-like object is required, not '{}'", crate::vm::protocol::type_name(&a[0])))
    })?;
    let errors = errors_arg(a.get(1));
    let Some(mapping) = a.get(2).filter(|m| !m.is_none()) else {
        let s: String = data.iter().map(|&b| b as char).collect();
        return Ok(new_tuple(vec![new_str(s), new_int(data.len() as i64)]));
    };
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        match decode_one(vm, mapping, b)? {
            Some(s) => out.push_str(&s),
            None => match errors.as_str() {
                "replace" => out.push('\u{fffd}'),
                "ignore" => {}
                _ => {
                    let cls = exc().unicode_decode_error.clone();
                    return Err(codec_error(vm, &cls, new_bytes(data.clone()), i, "character maps to <undefined>"));
                }
            },
        }
    }
    Ok(new_tuple(vec![new_str(out), new_int(data.len() as i64)]))
}

/// The bytes `c` encodes to under `mapping` (a dict from code points); None: undefined.
fn encode_one(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let r = match vm.getitem(mapping, &new_int(c as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&exc().lookup_error) => return Ok(None),
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(None);
    }
    if let Some(b) = crate::objects::bytes::bytes_data(&r) {
        return Ok(Some(b.into_owned()));
    }
    match crate::objects::int::to_i64(&r).and_then(|n| u8::try_from(n).ok()) {
        Some(b) => Ok(Some(vec![b])),
        None => Err(type_error("character mapping must be in range(256)")),
    }
}

pub(super) fn charmap_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("charmap_encode", 1, 3)?;
    let Some(s) = a[0].as_str().map(str::to_owned) else {
        return Err(type_error(format!(
            "charmap_encode() argument 1 must be str, not {}",
            crate::vm::protocol::type_name(&a[0])
        )));
    };
    let errors = errors_arg(a.get(1));
    let mapping = a.get(2).filter(|m| !m.is_none());
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let enc = match mapping {
            Some(m) => encode_one(vm, m, c)?,
            None => u8::try_from(c as u32).ok().map(|b| vec![b]),
        };
        match enc {
            Some(b) => out.extend_from_slice(&b),
            None => match errors.as_str() {
                "replace" => out.push(b'?'),
                "ignore" => {}
                _ => {
                    let cls = exc().unicode_encode_error.clone();
                    return Err(codec_error(vm, &cls, new_str(s.clone()), i, "character maps to <undefined>"));
                }
            },
        }
    }
    Ok(new_tuple(vec![new_bytes(out), new_int(s.chars().count() as i64)]))
}

/// `charmap_build(decoding_table)`: the inverse mapping, as a dict (CPython's EncodingMap
/// is an optimised form of the same lookup).
pub(super) fn charmap_build(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [t] = args.exact::<1>("charmap_build")?;
    let Some(s) = t.as_str() else { return Err(type_error("charmap_build() argument must be str")) };
    let d = PyDict::new();
    for (i, c) in s.chars().enumerate() {
        if c != '\u{fffe}' {
            d.set(vm, new_int(c as i64), new_int(i as i64))?;
        }
    }
    Ok(layout::alloc(&types().dict, d))
}
