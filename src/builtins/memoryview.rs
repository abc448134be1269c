//! `memoryview` over `bytes` and `bytearray` (one-dimensional, C-contiguous): a live view
//! (a bytearray's changes show through it), `cast` between the byte formats and the
//! native integer/float formats, `tolist`, `tobytes`, `hex`, slicing, item assignment into
//! a bytearray, `release` and the context-manager protocol, with CPython's messages.
//! Until objects have a buffer protocol, its state lives in the view's instance dict.

use crate::objects::bytes::{PyByteArray, PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int, to_i64};
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::{instance_dict, instance_dict_create, type_name};
use crate::vm::startup::{add_getter, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// Adds `memoryview` to the builtins dict.
pub fn init(d: &Value) {
    let cls = new_builtin_class("memoryview", "builtins", Kind::Instance, 0);
    // The view's state is kept in its instance dict (see the module doc).
    if let Some(t) = cls.as_type() {
        t.has_dict.set(true);
    }
    add_staticmethod(&cls, "__new__", mv_new);
    for (n, f) in [
        ("cast", mv_cast as crate::vm::NativeFn),
        ("tolist", mv_tolist),
        ("tobytes", mv_tobytes),
        ("hex", mv_hex),
        ("release", mv_release),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__hash__", mv_hash),
    ] {
        add_method(&cls, n, f);
    }
    for (n, f) in [
        ("format", g_format as crate::vm::NativeFn),
        ("itemsize", g_itemsize),
        ("nbytes", g_nbytes),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("readonly", g_readonly),
        ("obj", g_obj),
        ("c_contiguous", g_true),
        ("f_contiguous", g_true),
        ("contiguous", g_true),
    ] {
        add_getter(&cls, n, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("memoryview"), cls);
    }
}

/// A view's state: the exporter, the byte window into it, the item format.
struct View {
    obj: Value,
    start: usize,
    nbytes: usize,
    fmt: char,
}

fn itemsize(fmt: char) -> usize {
    match fmt {
        'B' | 'b' | 'c' | '?' => 1,
        'H' | 'h' | 'e' => 2,
        'I' | 'i' | 'f' => 4,
        _ => 8,
    }
}

fn get(d: &Value, k: &str) -> Option<Value> {
    instance_dict(d).and_then(|x| x.payload::<PyDict>().and_then(|dd| dd.get_str(k)))
}

fn released() -> PyErr {
    value_error("operation forbidden on released memoryview object")
}

fn view_of(v: &Value) -> PyResult<View> {
    if get(v, "_released").is_some_and(|r| r.is(&crate::objects::true_())) {
        return Err(released());
    }
    let obj = get(v, "_obj").ok_or_else(|| type_error("descriptor requires a 'memoryview' object"))?;
    let n = |k: &str| get(v, k).and_then(|x| x.as_small()).unwrap_or(0) as usize;
    let fmt = get(v, "_fmt").and_then(|f| f.as_str().and_then(|s| s.chars().next())).unwrap_or('B');
    Ok(View { obj, start: n("_start"), nbytes: n("_nbytes"), fmt })
}

/// The exporter's current bytes in the view's window.
fn bytes_of(view: &View) -> Vec<u8> {
    let all: Vec<u8> = if let Some(b) = view.obj.downcast::<PyBytes>() {
        b.0.to_vec()
    } else if let Some(b) = view.obj.downcast::<PyByteArray>() {
        b.0.borrow().clone()
    } else {
        Vec::new()
    };
    let end = (view.start + view.nbytes).min(all.len());
    all.get(view.start.min(end)..end).map(<[u8]>::to_vec).unwrap_or_default()
}

/// The bytes of any object with a buffer (bytes, bytearray, memoryview, array.array);
/// None when it has none.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = crate::objects::bytes::bytes_data(v) {
        return Some(b.into_owned());
    }
    if v.type_of().as_type().is_some_and(|t| *t.name.borrow() == "memoryview") {
        return view_of(v).ok().map(|view| bytes_of(&view));
    }
    crate::builtins::array::array_bytes(v)
}

fn make(cls: &Value, view: &View) -> Value {
    let m = crate::objects::instance::new_instance(cls);
    if let Some(d) = instance_dict_create(&m) {
        if let Some(dd) = d.payload::<PyDict>() {
            dd.set_str(new_str("_obj"), view.obj.clone());
            dd.set_str(new_str("_start"), new_int(view.start as i64));
            dd.set_str(new_str("_nbytes"), new_int(view.nbytes as i64));
            dd.set_str(new_str("_fmt"), new_str(view.fmt.to_string()));
        }
    }
    m
}

fn mv_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("memoryview", &["cls", "object"], 2)?;
    let cls = a[0].clone().unwrap_or_else(none);
    let obj = a[1].clone().unwrap_or_else(none);
    if obj.type_of().is(&cls) {
        let v = view_of(&obj)?;
        return Ok(make(&cls, &v));
    }
    let nbytes = if let Some(b) = obj.downcast::<PyBytes>() {
        b.0.len()
    } else if let Some(b) = obj.downcast::<PyByteArray>() {
        b.0.borrow().len()
    } else {
        return Err(type_error(format!("memoryview: a bytes-like object is required, not '{}'", type_name(&obj))));
    };
    Ok(make(&cls, &View { obj, start: 0, nbytes, fmt: 'B' }))
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| type_error("descriptor requires a 'memoryview' object"))
}

fn mv_cast(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("cast", &["self", "format", "shape"], 2)?;
    let s = a[0].clone().unwrap_or_else(none);
    let v = view_of(&s)?;
    let f = a[1].clone().unwrap_or_else(none);
    let fs = f.as_str().ok_or_else(|| type_error("memoryview: format argument must be a string"))?;
    let fs = fs.strip_prefix('@').unwrap_or(fs);
    let fmt = match fs {
        "B" | "b" | "c" | "?" | "H" | "h" | "I" | "i" | "L" | "l" | "Q" | "q" | "N" | "n" | "e" | "f" | "d" | "P" => {
            fs.chars().next().unwrap_or('B')
        }
        _ => {
            return Err(value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    let byte = |c: char| matches!(c, 'B' | 'b' | 'c');
    if !byte(v.fmt) && !byte(fmt) {
        return Err(type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if v.nbytes % itemsize(fmt) != 0 {
        return Err(type_error("memoryview: length is not a multiple of itemsize"));
    }
    if a[2].as_ref().is_some_and(|sh| !sh.is_none()) {
        return Err(type_error("memoryview: casting to a multi-dimensional shape is not supported here"));
    }
    Ok(make(s.type_of(), &View { fmt, ..v }))
}

/// The item at byte offset `i` of `b`, in native byte order.
fn item(fmt: char, b: &[u8]) -> Value {
    let mut a = [0u8; 8];
    let n = itemsize(fmt);
    a[..n].copy_from_slice(&b[..n]);
    let u = u64::from_ne_bytes(a);
    match fmt {
        'c' => new_bytes(vec![b[0]]),
        '?' => py_bool(b[0] != 0),
        'b' => new_int(b[0] as i8 as i64),
        'h' => new_int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        'i' => new_int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        'l' | 'q' | 'n' => new_int(u as i64),
        'e' => new_float(half_to_f64(u16::from_ne_bytes([b[0], b[1]]))),
        'f' => new_float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        'd' => new_float(f64::from_bits(u)),
        _ if u > i64::MAX as u64 => new_bigint(num_bigint::BigInt::from(u)),
        _ => new_int(u as i64),
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn items(v: &View) -> Vec<Value> {
    let b = bytes_of(v);
    b.chunks_exact(itemsize(v.fmt)).map(|c| item(v.fmt, c)).collect()
}

fn mv_tolist(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_list(items(&view_of(this(&args)?)?)))
}

fn mv_tobytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_bytes(bytes_of(&view_of(this(&args)?)?)))
}

fn mv_hex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = bytes_of(&view_of(this(&args)?)?);
    Ok(new_str(b.iter().map(|x| format!("{x:02x}")).collect::<String>()))
}

fn mv_release(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    if let Some(d) = instance_dict_create(s) {
        if let Some(dd) = d.payload::<PyDict>() {
            dd.set_str(new_str("_released"), crate::objects::true_());
        }
    }
    Ok(none())
}

fn mv_enter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    view_of(s)?;
    Ok(s.clone())
}

fn mv_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?.clone();
    mv_release(vm, Args::positional_only(&[s]))?;
    Ok(crate::objects::false_())
}

fn mv_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = view_of(this(&args)?)?;
    Ok(new_int((v.nbytes / itemsize(v.fmt)) as i64))
}

fn index_of(vm: &mut Vm, k: &Value, n: usize) -> PyResult<usize> {
    let i = crate::builtins::posix::int_arg(vm, k)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(PyErr::new(&crate::objects::registry::exc().index_error, "index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, k] = args.exact::<2>("__getitem__")?;
    let v = view_of(s)?;
    let size = itemsize(v.fmt);
    let n = v.nbytes / size;
    if let Some(sl) = k.downcast::<crate::objects::slice::PySlice>() {
        let ix = crate::objects::sequtil::slice_indices(vm, sl, n)?;
        let (start, step) = (ix.start, ix.step);
        if step != 1 {
            return Err(PyErr::new(
                &crate::objects::registry::exc().not_implemented_error,
                "memoryview: slices with a step are not supported here",
            ));
        }
        let len = ix.len;
        return Ok(make(s.type_of(), &View { start: v.start + start as usize * size, nbytes: len * size, ..v }));
    }
    let i = index_of(vm, k, n)?;
    let b = bytes_of(&v);
    Ok(item(v.fmt, &b[i * size..]))
}

fn mv_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, k, x] = args.exact::<3>("__setitem__")?;
    let v = view_of(s)?;
    let Some(ba) = v.obj.downcast::<PyByteArray>() else {
        return Err(type_error("cannot modify read-only memory"));
    };
    if v.fmt != 'B' {
        return Err(PyErr::new(
            &crate::objects::registry::exc().not_implemented_error,
            "memoryview: item assignment is supported for format 'B' only here",
        ));
    }
    if let Some(sl) = k.downcast::<crate::objects::slice::PySlice>() {
        let ix = crate::objects::sequtil::slice_indices(vm, sl, v.nbytes)?;
        let (start, step, len) = (ix.start, ix.step, ix.len);
        let data = if let Some(b) = x.downcast::<PyBytes>() {
            b.0.to_vec()
        } else if let Some(b) = x.downcast::<PyByteArray>() {
            b.0.borrow().clone()
        } else {
            let other = view_of(x)
                .map_err(|_| type_error(format!("a bytes-like object is required, not '{}'", type_name(x))))?;
            bytes_of(&other)
        };
        if step != 1 || data.len() != len {
            return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let at = v.start + start as usize;
        ba.0.borrow_mut()[at..at + len].copy_from_slice(&data);
        return Ok(none());
    }
    let i = index_of(vm, k, v.nbytes)?;
    let n = to_i64(x).ok_or_else(|| type_error("memoryview: invalid type for format 'B'"))?;
    if !(0..=255).contains(&n) {
        return Err(value_error("memoryview: invalid value for format 'B'"));
    }
    ba.0.borrow_mut()[v.start + i] = n as u8;
    Ok(none())
}

fn mv_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = view_of(this(&args)?)?;
    vm.iter(&new_list(items(&v)))
}

fn mv_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, o] = args.exact::<2>("__eq__")?;
    let a = view_of(s)?;
    let other: Vec<Value> = if o.type_of().is(s.type_of()) {
        items(&view_of(o)?)
    } else if o.downcast::<PyBytes>().is_some() || o.downcast::<PyByteArray>().is_some() {
        let bytes = if let Some(b) = o.downcast::<PyBytes>() {
            b.0.to_vec()
        } else {
            bytes_of(&View { obj: o.clone(), start: 0, nbytes: usize::MAX / 2, fmt: 'B' })
        };
        bytes.chunks_exact(1).map(|c| item('B', c)).collect()
    } else {
        return Ok(crate::objects::not_implemented());
    };
    let mine = items(&a);
    if mine.len() != other.len() {
        return Ok(py_bool(false));
    }
    for (x, y) in mine.iter().zip(other.iter()) {
        let r = vm.compare(x, y, crate::bytecode::opcode::CmpOp::Eq)?;
        if !vm.truthy(&r)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn mv_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = view_of(this(&args)?)?;
    if v.obj.downcast::<PyBytes>().is_none() {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !matches!(v.fmt, 'B' | 'b' | 'c') {
        return Err(value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = new_bytes(bytes_of(&v));
    vm.call_method(&b, "__hash__", &[])
}

fn g_format(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(view_of(this(&args)?)?.fmt.to_string()))
}
fn g_itemsize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(itemsize(view_of(this(&args)?)?.fmt) as i64))
}
fn g_nbytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(view_of(this(&args)?)?.nbytes as i64))
}
fn g_ndim(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    view_of(this(&args)?)?;
    Ok(new_int(1))
}
fn g_shape(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = view_of(this(&args)?)?;
    Ok(new_tuple(vec![new_int((v.nbytes / itemsize(v.fmt)) as i64)]))
}
fn g_strides(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = view_of(this(&args)?)?;
    Ok(new_tuple(vec![new_int(itemsize(v.fmt) as i64)]))
}
fn g_readonly(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(view_of(this(&args)?)?.obj.downcast::<PyBytes>().is_some()))
}
fn g_obj(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(view_of(this(&args)?)?.obj)
}
fn g_true(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    view_of(this(&args)?)?;
    Ok(py_bool(true))
}
