//! The `_struct` module under CPython's `struct.py`: format strings (byte order, native
//! sizes and alignment for `@`, standard sizes for `=<>!`), `pack`/`pack_into`/`unpack`/
//! `unpack_from`/`iter_unpack`/`calcsize`, the `Struct` class and `struct.error`, with
//! _struct.c's range checks and messages.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::objects::bytes::{PyByteArray, PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int, to_bigint};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool, types};
use crate::values::gil::GilStatic;
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::{instance_dict, instance_dict_create, type_name};
use crate::vm::startup::{add_function, add_method, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

static ERROR: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));
static STRUCT: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));

pub fn register() {
    crate::vm::interp::register_native("_struct", init_struct);
}

fn error(msg: impl Into<String>) -> PyErr {
    let cls = ERROR.borrow().clone().unwrap_or_else(|| exc().exception.clone());
    PyErr::new(&cls, msg.into())
}

/// One packed value of a format (`s`/`p`: one item whose size is the given length).
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    size: usize,
    offset: usize,
}

struct Layout {
    items: Vec<Item>,
    size: usize,
    nargs: usize,
    little: bool,
    native: bool,
}

fn native_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

fn standard_size(c: u8) -> Option<usize> {
    match c {
        b'l' | b'L' => Some(4),
        b'n' | b'N' | b'P' => None,
        _ => native_size(c),
    }
}

fn parse(fmt: &[u8]) -> PyResult<Layout> {
    let (native, little, body) = match fmt.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'=') => (false, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'<') => (false, true, &fmt[1..]),
        Some(b'>') | Some(b'!') => (false, false, &fmt[1..]),
        _ => (true, cfg!(target_endian = "little"), fmt),
    };
    let mut items = Vec::new();
    let (mut offset, mut nargs) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((body[i] - b'0') as usize))
                    .ok_or_else(|| error("total struct size too long"))?;
                i += 1;
            }
            if i >= body.len() {
                return Err(error("repeat count given without format specifier"));
            }
            count = n;
        }
        let c = body[i];
        i += 1;
        let size =
            if native { native_size(c) } else { standard_size(c) }.ok_or_else(|| error("bad char in struct format"))?;
        if native && !matches!(c, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
            offset = offset.div_ceil(size) * size;
        }
        match c {
            b's' | b'p' => {
                items.push(Item { code: c, size: count, offset });
                offset += count;
                nargs += 1;
            }
            b'x' => offset += count,
            _ => {
                for _ in 0..count {
                    items.push(Item { code: c, size, offset });
                    offset += size;
                }
                nargs += count;
            }
        }
    }
    Ok(Layout { items, size: offset, nargs, little, native })
}

fn fmt_bytes(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(b.0.to_vec());
    }
    Err(type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", type_name(v))))
}

/// The integer value of a pack argument (`__index__` honoured, floats refused).
fn int_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if v.kind() != crate::values::Kind::Float {
        if let Some(f) = vm.lookup_special(v, "__index__") {
            let r = vm.call(&f, Args::positional_only(std::slice::from_ref(v)))?;
            if let Some(b) = to_bigint(&r) {
                return Ok(b);
            }
        }
    }
    Err(error("required argument is not an integer"))
}

fn float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(b) = to_bigint(v) {
        return crate::objects::int::bigint_to_f64(&b);
    }
    if let Some(f) = vm.lookup_special(v, "__float__") {
        let r = vm.call(&f, Args::positional_only(std::slice::from_ref(v)))?;
        if let Some(x) = r.as_float() {
            return Ok(x);
        }
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let b = int_of(vm, v)?;
        return crate::objects::int::bigint_to_f64(&b);
    }
    Err(error("required argument is not a float"))
}

/// Packs an integer of `size` bytes, checking the range as _struct.c words it.
fn pack_int(out: &mut [u8], it: &Item, v: &BigInt, l: &Layout) -> PyResult<()> {
    let signed = it.code.is_ascii_lowercase();
    let range_msg = |lo: &str, hi: &str| -> PyErr {
        let name = match it.code {
            b'b' => "byte format".to_owned(),
            b'B' => "ubyte format".to_owned(),
            b'h' => "short format".to_owned(),
            b'H' => "ushort format".to_owned(),
            c => format!("'{}' format", c as char),
        };
        error(format!("{name} requires {lo} <= number <= {hi}"))
    };
    let raw: u64 = if it.code == b'P' {
        // A pointer: PyLong_AsVoidPtr takes anything from -2**63 to 2**64-1.
        if let Some(u) = v.to_u64() {
            u
        } else if let Some(i) = v.to_i64() {
            i as u64
        } else {
            return Err(error("int too large to convert"));
        }
    } else if it.size == 8 {
        let out_of_range = || error("argument out of range");
        if signed { v.to_i64().ok_or_else(out_of_range)? as u64 } else { v.to_u64().ok_or_else(out_of_range)? }
    } else {
        let bits = it.size * 8;
        if signed {
            let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
            match v.to_i64() {
                Some(x) if x >= lo && x <= hi => x as u64,
                _ => return Err(range_msg(&lo.to_string(), &hi.to_string())),
            }
        } else {
            let hi = (1u64 << bits) - 1;
            match v.to_u64() {
                Some(x) if x <= hi => x,
                // Negative values fail the C conversion first, except for the byte and
                // short codes, which check the range themselves.
                _ if v.is_negative() && it.size == 4 => return Err(error("argument out of range")),
                _ => return Err(range_msg("0", &hi.to_string())),
            }
        }
    };
    let bytes = if l.little { raw.to_le_bytes() } else { raw.to_be_bytes() };
    let n = it.size;
    if l.little {
        out.copy_from_slice(&bytes[..n]);
    } else {
        out.copy_from_slice(&bytes[8 - n..]);
    }
    Ok(())
}

/// f64 → IEEE half, round-half-even (PyFloat_Pack2); None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let (mut m, mut e) = frexp(a); // a = m * 2**e, 0.5 <= m < 1
    if e > 16 {
        return None;
    }
    if e < -25 {
        // Underflow to zero.
        return Some(sign);
    }
    let bits: u16;
    if e < -13 {
        // Subnormal: scale the mantissa.
        m *= 2f64.powi(e + 13);
        e = 0;
        let f = m * 1024.0;
        let mut bi = f as u32;
        let rem = f - bi as f64;
        if rem > 0.5 || (rem == 0.5 && bi & 1 == 1) {
            bi += 1;
        }
        bits = bi as u16;
        let _ = e;
        return Some(sign | bits);
    }
    // Normal: e in -13..=16; 2*m-1 in [0, 1) is the fraction.
    let mut exp = (e + 14) as u32; // biased exponent (e-1)+15
    let f = (m * 2.0 - 1.0) * 1024.0;
    let mut bi = f as u32;
    let rem = f - bi as f64;
    if rem > 0.5 || (rem == 0.5 && bi & 1 == 1) {
        bi += 1;
        if bi == 1024 {
            bi = 0;
            exp += 1;
        }
    }
    if exp >= 31 {
        return None;
    }
    Some(sign | ((exp as u16) << 10) | bi as u16)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 => {
            if frac == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn put(out: &mut [u8], b: &[u8], little: bool) {
    if little {
        out.copy_from_slice(b);
    } else {
        let mut r = b.to_vec();
        r.reverse();
        out.copy_from_slice(&r);
    }
}

fn pack_values(vm: &mut Vm, l: &Layout, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    if vals.len() != l.nargs {
        return Err(error(format!("pack expected {} items for packing (got {})", l.nargs, vals.len())));
    }
    for (it, v) in l.items.iter().zip(vals) {
        let dst = &mut out[it.offset..it.offset + it.size];
        match it.code {
            b'c' => match v.downcast::<PyBytes>() {
                Some(b) if b.0.len() == 1 => dst[0] = b.0[0],
                _ => return Err(error("char format requires a bytes object of length 1")),
            },
            b'?' => dst[0] = vm.truthy(v)? as u8,
            b's' | b'p' => {
                let data = if let Some(b) = v.downcast::<PyBytes>() {
                    b.0.to_vec()
                } else if let Some(b) = v.downcast::<PyByteArray>() {
                    b.0.borrow().clone()
                } else {
                    return Err(error(format!("argument for '{}' must be a bytes object", it.code as char)));
                };
                dst.fill(0);
                if it.code == b's' {
                    let n = data.len().min(it.size);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.size > 0 {
                    let n = data.len().min(it.size - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            b'e' => {
                let x = float_of(vm, v)?;
                let h = to_half(x)
                    .ok_or_else(|| PyErr::new(&exc().overflow_error, "float too large to pack with e format"))?;
                put(dst, &h.to_le_bytes(), l.little);
            }
            b'f' => {
                let x = float_of(vm, v)?;
                let f = x as f32;
                if f.is_infinite() && x.is_finite() && !l.native {
                    return Err(PyErr::new(&exc().overflow_error, "float too large to pack with f format"));
                }
                put(dst, &f.to_le_bytes(), l.little);
            }
            b'd' => {
                let x = float_of(vm, v)?;
                put(dst, &x.to_le_bytes(), l.little);
            }
            _ => {
                let n = int_of(vm, v)?;
                pack_int(dst, it, &n, l)?;
            }
        }
    }
    Ok(())
}

fn unpack_values(l: &Layout, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(l.nargs);
    for it in &l.items {
        let src = &data[it.offset..it.offset + it.size];
        let le = |b: &[u8]| -> Vec<u8> {
            let mut v = b.to_vec();
            if !l.little {
                v.reverse();
            }
            v
        };
        out.push(match it.code {
            b'c' => new_bytes(src.to_vec()),
            b'?' => py_bool(src[0] != 0),
            b's' => new_bytes(src.to_vec()),
            b'p' => {
                let n = if it.size == 0 { 0 } else { (src[0] as usize).min(it.size - 1) };
                new_bytes(if it.size == 0 { Vec::new() } else { src[1..1 + n].to_vec() })
            }
            b'e' => {
                let b = le(src);
                new_float(from_half(u16::from_le_bytes([b[0], b[1]])))
            }
            b'f' => {
                let b = le(src);
                new_float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64)
            }
            b'd' => {
                let b = le(src);
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                new_float(f64::from_le_bytes(a))
            }
            c => {
                let b = le(src);
                let mut a = [0u8; 8];
                a[..b.len()].copy_from_slice(&b);
                let raw = u64::from_le_bytes(a);
                let bits = it.size * 8;
                if c.is_ascii_lowercase() {
                    let shift = 64 - bits;
                    new_int(((raw << shift) as i64) >> shift)
                } else if raw > i64::MAX as u64 {
                    new_bigint(BigInt::from(raw))
                } else {
                    new_int(raw as i64)
                }
            }
        });
    }
    new_tuple(out)
}

fn buffer_bytes(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(b.0.to_vec());
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Ok(b.0.borrow().clone());
    }
    Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

// ---- operations shared by the functions and Struct's methods -------------------------

fn do_pack(vm: &mut Vm, l: &Layout, vals: &[Value]) -> PyResult {
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, vals, &mut out)?;
    Ok(new_bytes(out))
}

fn do_pack_into(vm: &mut Vm, l: &Layout, buf: &Value, offset: &Value, vals: &[Value]) -> PyResult {
    let Some(ba) = buf.downcast::<PyByteArray>() else {
        return Err(type_error(format!("argument must be read-write bytes-like object, not {}", type_name(buf))));
    };
    let len = ba.0.borrow().len() as i64;
    let mut off = crate::builtins::posix::int_arg(vm, offset)?;
    if off < 0 {
        if off + (l.size as i64) > 0 {
            return Err(error(format!("no space to pack {} bytes at offset {off}", l.size)));
        }
        if off + len < 0 {
            return Err(error(format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < l.size as i64 {
        return Err(error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {off} (actual buffer size is {len})",
            l.size as i64 + off,
            l.size
        )));
    }
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, vals, &mut out)?;
    let off = off as usize;
    ba.0.borrow_mut()[off..off + l.size].copy_from_slice(&out);
    Ok(none())
}

fn do_unpack(l: &Layout, buf: &Value) -> PyResult {
    let data = buffer_bytes(buf)?;
    if data.len() != l.size {
        return Err(error(format!("unpack requires a buffer of {} bytes", l.size)));
    }
    Ok(unpack_values(l, &data))
}

fn do_unpack_from(vm: &mut Vm, l: &Layout, buf: &Value, offset: Option<&Value>) -> PyResult {
    let data = buffer_bytes(buf)?;
    let len = data.len() as i64;
    let mut off = match offset {
        Some(o) => crate::builtins::posix::int_arg(vm, o)?,
        None => 0,
    };
    if off < 0 {
        if off + len < 0 {
            return Err(error(format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < l.size as i64 {
        return Err(error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {len})",
            l.size as i64 + off,
            l.size
        )));
    }
    Ok(unpack_values(l, &data[off as usize..off as usize + l.size]))
}

fn do_iter_unpack(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult {
    let data = buffer_bytes(buf)?;
    if l.size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % l.size != 0 {
        return Err(error(format!("iterative unpacking requires a buffer of a multiple of {} bytes", l.size)));
    }
    let items: Vec<Value> = data.chunks_exact(l.size).map(|c| unpack_values(l, c)).collect();
    vm.iter(&crate::objects::list::new_list(items))
}

fn first_fmt<'a>(args: &Args<'a>, fname: &str) -> PyResult<(Layout, &'a [Value])> {
    let p = args.pos();
    let f = p.first().ok_or_else(|| type_error(format!("{fname}() missing required argument 'format' (pos 1)")))?;
    Ok((parse(&fmt_bytes(f)?)?, &p[1..]))
}

fn f_pack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = first_fmt(&args, "pack")?;
    do_pack(vm, &l, rest)
}
fn f_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = first_fmt(&args, "pack_into")?;
    if rest.len() < 2 {
        return Err(type_error("pack_into expected buffer argument"));
    }
    do_pack_into(vm, &l, &rest[0], &rest[1], &rest[2..])
}
fn f_unpack(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = first_fmt(&args, "unpack")?;
    let b = rest.first().ok_or_else(|| type_error("unpack expected 2 arguments, got 1"))?;
    do_unpack(&l, b)
}
fn f_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("unpack_from", &["format", "buffer", "offset"], 2)?;
    let l = parse(&fmt_bytes(a[0].as_ref().unwrap_or(&none()))?)?;
    do_unpack_from(vm, &l, a[1].as_ref().unwrap_or(&none()), a[2].as_ref())
}
fn f_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f, b] = args.exact::<2>("iter_unpack")?;
    let l = parse(&fmt_bytes(f)?)?;
    do_iter_unpack(vm, &l, b)
}
fn f_calcsize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("calcsize")?;
    Ok(new_int(parse(&fmt_bytes(f)?)?.size as i64))
}
fn f_clearcache(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}

// ---- Struct --------------------------------------------------------------------------

fn attr(obj: &Value, name: &str) -> Option<Value> {
    instance_dict(obj).and_then(|d| d.payload::<PyDict>().and_then(|dd| dd.get_str(name)))
}

fn s_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("Struct", &["self", "format"], 2)?;
    let s = a[0].clone().unwrap_or_else(none);
    let f = a[1].clone().unwrap_or_else(none);
    let bytes = fmt_bytes(&f)?;
    let l = parse(&bytes)?;
    if let Some(d) = instance_dict_create(&s) {
        if let Some(dd) = d.payload::<PyDict>() {
            dd.set_str(new_str("format"), new_str(String::from_utf8_lossy(&bytes).into_owned()));
            dd.set_str(new_str("size"), new_int(l.size as i64));
        }
    }
    Ok(none())
}

fn self_layout<'a>(args: &Args<'a>) -> PyResult<(Layout, &'a [Value])> {
    let p = args.pos();
    let s = p.first().ok_or_else(|| type_error("descriptor needs a 'Struct' object"))?;
    let f = attr(s, "format").ok_or_else(|| type_error("Struct not initialised"))?;
    Ok((parse(&fmt_bytes(&f)?)?, &p[1..]))
}

fn s_pack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = self_layout(&args)?;
    do_pack(vm, &l, rest)
}
fn s_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = self_layout(&args)?;
    if rest.len() < 2 {
        return Err(type_error("pack_into expected buffer argument"));
    }
    do_pack_into(vm, &l, &rest[0], &rest[1], &rest[2..])
}
fn s_unpack(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = self_layout(&args)?;
    let b = rest.first().ok_or_else(|| type_error("unpack() takes exactly one argument (0 given)"))?;
    do_unpack(&l, b)
}
fn s_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = self_layout(&args)?;
    let off = args.kwarg("offset").or(rest.get(1));
    let b = rest
        .first()
        .or(args.kwarg("buffer"))
        .ok_or_else(|| type_error("unpack_from() missing required argument 'buffer' (pos 1)"))?;
    do_unpack_from(vm, &l, b, off)
}
fn s_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (l, rest) = self_layout(&args)?;
    let b = rest.first().ok_or_else(|| type_error("iter_unpack() takes exactly one argument (0 given)"))?;
    do_iter_unpack(vm, &l, b)
}
fn new_class(vm: &mut Vm, name: &str, bases: Vec<Value>) -> PyResult {
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__module__"), new_str(if name == "error" { "struct" } else { "_struct" }));
    }
    vm.call_pos(&types().type_.clone(), &[new_str(name), new_tuple(bases), d])
}

/// `import _struct`.
pub fn init_struct(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_struct");
    let d = module_dict(&m);
    if ERROR.borrow().is_none() {
        let e = new_class(vm, "error", vec![exc().exception.clone()])?;
        *ERROR.borrow_mut() = Some(e);
    }
    if STRUCT.borrow().is_none() {
        let s = new_class(vm, "Struct", vec![types().object.clone()])?;
        for (n, f) in [
            ("__init__", s_init as crate::vm::NativeFn),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
        ] {
            add_method(&s, n, f);
        }
        if let Some(t) = s.as_type() {
            t.modified();
        }
        *STRUCT.borrow_mut() = Some(s);
    }
    for (name, f) in [
        ("pack", f_pack as crate::vm::NativeFn),
        ("pack_into", f_pack_into),
        ("unpack", f_unpack),
        ("unpack_from", f_unpack_from),
        ("iter_unpack", f_iter_unpack),
        ("calcsize", f_calcsize),
        ("_clearcache", f_clearcache),
    ] {
        add_function(&d, "_struct", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("error"), ERROR.borrow().clone().unwrap_or_else(none));
        dd.set_str(new_str("Struct"), STRUCT.borrow().clone().unwrap_or_else(none));
        dd.set_str(new_str("__doc__"), new_str("Functions to convert between Python values and C structs."));
    }
    Ok(m)
}
