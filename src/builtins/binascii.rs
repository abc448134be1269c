//! The `binascii` module (under CPython's `base64`, `uu`-free parts): hex and base64
//! conversions with binascii.c's validation and messages, `crc32` and `crc_hqx`.
//! `a2b_*` accept ASCII str as well as bytes-like objects, as CPython's do.

use std::cell::RefCell;

use crate::objects::bytes::{PyByteArray, PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

static ERROR: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));
static INCOMPLETE: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));

pub fn register() {
    crate::vm::interp::register_native("binascii", init_binascii);
}

fn error(msg: impl Into<String>) -> PyErr {
    let cls = ERROR.borrow().clone().unwrap_or_else(|| exc().value_error.clone());
    PyErr::new(&cls, msg.into())
}

/// A bytes-like argument (what the b2a_* functions take).
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(b.0.to_vec());
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Ok(b.0.borrow().clone());
    }
    Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

/// An a2b_* argument: bytes-like, or a str of ASCII characters only.
fn ascii_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    data_arg(v)
        .map_err(|_| type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", type_name(v))))
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `hexlify(data, sep=None, bytes_per_sep=1)`, also `b2a_hex`.
fn hexlify(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("hexlify", &["data", "sep", "bytes_per_sep"], 1)?;
    let data = data_arg(a[0].as_ref().unwrap_or(&none()))?;
    let sep = match a[1].as_ref().filter(|v| !v.is_none()) {
        None => None,
        Some(s) => {
            let b = if let Some(t) = s.as_str() { t.as_bytes().to_vec() } else { data_arg(s)? };
            if b.len() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(value_error("sep must be ASCII."));
            }
            Some(b[0])
        }
    };
    let per = match &a[2] {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => 1,
    };
    let hex = |b: u8| [HEX[(b >> 4) as usize], HEX[(b & 15) as usize]];
    let mut out = Vec::with_capacity(data.len() * 3);
    match sep {
        Some(sep) if per != 0 && !data.is_empty() => {
            let n = per.unsigned_abs() as usize;
            // Positive: groups counted from the right; negative: from the left.
            let first = if per > 0 { data.len() % n } else { 0 };
            for (i, b) in data.iter().enumerate() {
                let boundary = if per > 0 { i != 0 && (i + n - first) % n == 0 } else { i != 0 && i % n == 0 };
                if boundary {
                    out.push(sep);
                }
                out.extend_from_slice(&hex(*b));
            }
        }
        _ => {
            for b in &data {
                out.extend_from_slice(&hex(*b));
            }
        }
    }
    Ok(new_bytes(out))
}

/// `unhexlify(hexstr)`, also `a2b_hex`.
fn unhexlify(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("unhexlify")?;
    let data = ascii_arg(v)?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|x| *x == c).map(|p| p as u32)
}

/// `b2a_base64(data, *, newline=True)`.
fn b2a_base64(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("b2a_base64", &["data", "newline"], 1)?;
    let data = data_arg(a[0].as_ref().unwrap_or(&none()))?;
    let newline = match &a[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

/// `a2b_base64(data, /, *, strict_mode=False)`, binascii.c's state machine: non-alphabet
/// characters are skipped (refused in strict mode) and enough `=` ends the data.
fn a2b_base64(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("a2b_base64", &["data", "strict_mode"], 1)?;
    let data = ascii_arg(a[0].as_ref().unwrap_or(&none()))?;
    let strict = match &a[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads, mut valid) = (0u32, 0u32, 0u32, 0usize);
    let mut padding_started = false;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i < data.len() {
                    return Err(error("Excess data after padding"));
                }
                return Ok(new_bytes(out));
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        valid += 1;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    if quad != 0 {
        return Err(if quad == 1 {
            error(format!(
                "Invalid base64-encoded string: number of data characters ({valid}) cannot be 1 more than a multiple of 4"
            ))
        } else {
            error("Incorrect padding")
        });
    }
    Ok(new_bytes(out))
}

/// CRC-32 as zlib computes it (reflected polynomial 0xEDB88320).
fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for b in data {
        crc ^= *b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn crc32(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("crc32", 1, 2)?;
    let data = data_arg(&p[0])?;
    let start = match p.get(1) {
        // Any int: only its low 32 bits count, as the C unsigned int conversion.
        Some(v) => crate::objects::int::to_bigint(v)
            .map(|b| {
                let m = b & num_bigint::BigInt::from(0xFFFF_FFFFu32);
                num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
            })
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))?,
        None => 0,
    };
    let _ = vm;
    Ok(new_int(crc32_update(start, &data) as i64))
}

/// CRC-CCITT (polynomial 0x1021, not reflected), binhex's checksum.
fn crc_hqx(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [d, v] = args.exact::<2>("crc_hqx")?;
    let data = data_arg(d)?;
    let mut crc = (crate::builtins::posix::int_arg(vm, v)? & 0xffff) as u16;
    for b in data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    Ok(new_int(crc as i64))
}

fn new_exc_class(vm: &mut Vm, name: &str, base: &Value) -> PyResult {
    crate::vm::startup::new_class(vm, "binascii", name, vec![base.clone()])
}

/// `import binascii`.
pub fn init_binascii(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("binascii");
    let d = module_dict(&m);
    if ERROR.borrow().is_none() {
        let e = new_exc_class(vm, "Error", &exc().value_error.clone())?;
        *ERROR.borrow_mut() = Some(e);
        let i = new_exc_class(vm, "Incomplete", &exc().exception.clone())?;
        *INCOMPLETE.borrow_mut() = Some(i);
    }
    for (name, f) in [
        ("hexlify", hexlify as crate::vm::NativeFn),
        ("b2a_hex", hexlify),
        ("unhexlify", unhexlify),
        ("a2b_hex", unhexlify),
        ("b2a_base64", b2a_base64),
        ("a2b_base64", a2b_base64),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
    ] {
        add_function(&d, "binascii", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("Error"), ERROR.borrow().clone().unwrap_or_else(none));
        dd.set_str(new_str("Incomplete"), INCOMPLETE.borrow().clone().unwrap_or_else(none));
    }
    Ok(m)
}
