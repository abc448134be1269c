//! The `array` module: `array.array` over a byte buffer in the machine's layout (typecodes
//! bBuhHiIlLqQfd, 'u' being a 4-byte wchar_t as on Linux); items are decoded on access, so
//! `tobytes`/`frombytes`/`byteswap` and the buffer are the storage itself. Conversions,
//! reprs and messages follow arraymodule.c.

use std::cell::RefCell;

use num_bigint::BigInt;

use crate::bytecode::opcode::CmpOp;
use crate::objects::bytes::new_bytes;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int, to_bigint};
use crate::objects::iter::{NativeIter, new_native_iter};
use crate::objects::list::{PyList, new_list};
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::registry::exc;
use crate::objects::sequtil::{SubKey, subscript_key};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, not_implemented, py_bool};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, index_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub struct Array {
    tc: u8,
    data: RefCell<Vec<u8>>,
}
impl NativeData for Array {}

struct Classes {
    array: Value,
    iter: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

fn overflow(msg: &str) -> PyErr {
    PyErr::new(&exc().overflow_error, msg)
}

impl Array {
    fn len(&self) -> usize {
        self.data.borrow().len() / itemsize(self.tc)
    }

    /// Item `i` (in range) as a Python value.
    fn get(&self, i: usize) -> Value {
        let d = self.data.borrow();
        decode(self.tc, &d[i * itemsize(self.tc)..(i + 1) * itemsize(self.tc)])
    }

    fn items(&self) -> Vec<Value> {
        let n = itemsize(self.tc);
        self.data.borrow().chunks_exact(n).map(|c| decode(self.tc, c)).collect()
    }
}

fn decode(tc: u8, b: &[u8]) -> Value {
    let a2 = |b: &[u8]| [b[0], b[1]];
    let a4 = |b: &[u8]| [b[0], b[1], b[2], b[3]];
    let a8 = |b: &[u8]| [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]];
    match tc {
        b'b' => new_int(b[0] as i8 as i64),
        b'B' => new_int(b[0] as i64),
        b'h' => new_int(i16::from_ne_bytes(a2(b)) as i64),
        b'H' => new_int(u16::from_ne_bytes(a2(b)) as i64),
        b'i' => new_int(i32::from_ne_bytes(a4(b)) as i64),
        b'I' => new_int(u32::from_ne_bytes(a4(b)) as i64),
        b'l' | b'q' => new_int(i64::from_ne_bytes(a8(b))),
        b'L' | b'Q' => new_bigint(BigInt::from(u64::from_ne_bytes(a8(b)))),
        b'f' => new_float(f32::from_ne_bytes(a4(b)) as f64),
        b'd' => new_float(f64::from_ne_bytes(a8(b))),
        _ => {
            let c = u32::from_ne_bytes(a4(b));
            new_str(char::from_u32(c).unwrap_or('\u{fffd}').to_string())
        }
    }
}

/// An int item through `__index__`, as a BigInt.
fn int_item(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    let i = crate::builtins::numeric::index(vm, v)?;
    to_bigint(&i).ok_or_else(|| type_error("__index__ returned non-int"))
}

/// `v` converted for typecode `tc`, with the C conversion chain's messages.
fn encode(vm: &mut Vm, tc: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match tc {
        b'f' | b'd' => {
            let f = crate::builtins::math::to_f64(vm, v)?;
            if tc == b'f' {
                out.extend_from_slice(&(f as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&f.to_ne_bytes());
            }
            return Ok(());
        }
        b'u' => {
            let c = v.as_str().filter(|s| s.chars().count() == 1).and_then(|s| s.chars().next());
            let c = c.ok_or_else(|| type_error("array item must be unicode character"))?;
            out.extend_from_slice(&(c as u32).to_ne_bytes());
            return Ok(());
        }
        _ => {}
    }
    let n = int_item(vm, v)?;
    let long = || i64::try_from(&n).map_err(|_| overflow("Python int too large to convert to C long"));
    match tc {
        b'b' => {
            let x = long()?;
            check(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            check(x, i8::MIN as i64, i8::MAX as i64, "signed char")?;
            out.push(x as i8 as u8);
        }
        b'B' => {
            let x = long()?;
            check(x, 0, 255, "unsigned byte integer")?;
            out.push(x as u8);
        }
        b'h' => {
            let x = long()?;
            check(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            out.extend_from_slice(&(x as i16).to_ne_bytes());
        }
        b'H' => {
            let x = long()?;
            check(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            check(x, 0, u16::MAX as i64, "unsigned short")?;
            out.extend_from_slice(&(x as u16).to_ne_bytes());
        }
        b'i' => {
            let x = long()?;
            check(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            out.extend_from_slice(&(x as i32).to_ne_bytes());
        }
        b'I' | b'L' => {
            if n < BigInt::from(0) {
                return Err(overflow("can't convert negative value to unsigned int"));
            }
            let x = u64::try_from(&n).map_err(|_| overflow("Python int too large to convert to C unsigned long"))?;
            if tc == b'I' {
                let x = u32::try_from(x).map_err(|_| overflow("unsigned int is greater than maximum"))?;
                out.extend_from_slice(&x.to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
        }
        b'l' => out.extend_from_slice(&long()?.to_ne_bytes()),
        b'q' => {
            let x = i64::try_from(&n).map_err(|_| overflow("int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        _ => {
            if n < BigInt::from(0) {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            let x = u64::try_from(&n).map_err(|_| overflow("int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
    }
    Ok(())
}

fn check(x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(overflow(&format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(overflow(&format!("{what} is greater than maximum")));
    }
    Ok(())
}

fn encode_all(vm: &mut Vm, tc: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len() * itemsize(tc));
    for v in items {
        encode(vm, tc, v, &mut out)?;
    }
    Ok(out)
}

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let array = new_builtin_class("array", "array", Kind::Native, TF_BASETYPE);
        add_staticmethod(&array, "__new__", a_new);
        for (n, f) in [
            ("append", a_append as crate::vm::NativeFn),
            ("extend", a_extend),
            ("frombytes", a_frombytes),
            ("tobytes", a_tobytes),
            ("fromlist", a_fromlist),
            ("tolist", a_tolist),
            ("fromunicode", a_fromunicode),
            ("tounicode", a_tounicode),
            ("buffer_info", a_buffer_info),
            ("byteswap", a_byteswap),
            ("count", a_count),
            ("index", a_index),
            ("insert", a_insert),
            ("pop", a_pop),
            ("remove", a_remove),
            ("reverse", a_reverse),
            ("__len__", a_len),
            ("__getitem__", a_getitem),
            ("__setitem__", a_setitem),
            ("__delitem__", a_delitem),
            ("__contains__", a_contains),
            ("__iter__", a_iter),
            ("__repr__", a_repr),
            ("__add__", a_add),
            ("__iadd__", a_iadd),
            ("__mul__", a_mul),
            ("__rmul__", a_mul),
            ("__imul__", a_imul),
            ("__eq__", a_eq),
            ("__ne__", a_ne),
            ("__lt__", a_lt),
            ("__le__", a_le),
            ("__gt__", a_gt),
            ("__ge__", a_ge),
            ("__copy__", a_copy),
            ("__deepcopy__", a_copy),
            ("__reduce_ex__", a_reduce_ex),
        ] {
            add_method(&array, n, f);
        }
        add_getter(&array, "typecode", a_typecode);
        add_getter(&array, "itemsize", a_itemsize);
        if let Some(t) = array.as_type() {
            t.dict.set_str(new_str("__hash__"), none());
            t.modified();
        }
        let iter = new_builtin_class("arrayiterator", "array", Kind::NativeIter, 0);
        add_method(&iter, "__iter__", crate::objects::iter::iter_iter);
        add_method(&iter, "__next__", crate::objects::iter::iter_next);
        Classes { array, iter }
    })
}

/// The bytes of an array (the buffer protocol's view), for `memoryview::buffer_bytes`.
pub fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    native_ref::<Array>(v).map(|a| a.data.borrow().clone())
}

/// Overwrites an array's bytes with `data` of the same length (what a C call wrote into
/// its buffer, as `fcntl.ioctl` does).
pub fn array_store_bytes(v: &Value, data: &[u8]) {
    if let Some(a) = native_ref::<Array>(v) {
        let mut d = a.data.borrow_mut();
        let n = d.len().min(data.len());
        d[..n].copy_from_slice(&data[..n]);
    }
}

/// `a[i]` for an exact array and an in-range small int (None: take the full path).
#[inline]
pub fn fast_getitem(c: &Value, key: &Value) -> Option<Value> {
    let i = key.as_small()?;
    let a = native_ref::<Array>(c)?;
    let n = a.len() as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then(|| a.get(j as usize))
}

/// `a[i] = v` for an exact array, an in-range small int and a value of the item's own
/// kind (float for f/d, small int in range otherwise); false: take the full path.
#[inline]
pub fn fast_setitem(c: &Value, key: &Value, v: &Value) -> bool {
    let (Some(i), Some(a)) = (key.as_small(), native_ref::<Array>(c)) else { return false };
    let n = a.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return false;
    }
    let w = itemsize(a.tc);
    let at = j as usize * w;
    let mut d = a.data.borrow_mut();
    let slot = &mut d[at..at + w];
    match (a.tc, v.as_float(), v.as_small()) {
        (b'd', Some(f), _) => slot.copy_from_slice(&f.to_ne_bytes()),
        (b'f', Some(f), _) => slot.copy_from_slice(&(f as f32).to_ne_bytes()),
        (b'b', _, Some(x)) if i8::try_from(x).is_ok() => slot[0] = x as i8 as u8,
        (b'B', _, Some(x)) if u8::try_from(x).is_ok() => slot[0] = x as u8,
        (b'h', _, Some(x)) if i16::try_from(x).is_ok() => slot.copy_from_slice(&(x as i16).to_ne_bytes()),
        (b'H', _, Some(x)) if u16::try_from(x).is_ok() => slot.copy_from_slice(&(x as u16).to_ne_bytes()),
        (b'i', _, Some(x)) if i32::try_from(x).is_ok() => slot.copy_from_slice(&(x as i32).to_ne_bytes()),
        (b'I', _, Some(x)) if u32::try_from(x).is_ok() => slot.copy_from_slice(&(x as u32).to_ne_bytes()),
        (b'l' | b'q', _, Some(x)) => slot.copy_from_slice(&x.to_ne_bytes()),
        (b'L' | b'Q', _, Some(x)) if x >= 0 => slot.copy_from_slice(&(x as u64).to_ne_bytes()),
        _ => return false,
    }
    true
}

fn me<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a Array)> {
    this::<Array>(args, meth, "array.array")
}

fn new_array(cls: &Value, tc: u8, data: Vec<u8>) -> Value {
    let v = new_native(&classes().array, Array { tc, data: RefCell::new(data) });
    if cls.is(&classes().array) { v } else { crate::objects::sequtil::subclass_instance(cls, v) }
}

fn a_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    if args.has_kwargs() && cls.is(&classes().array) {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.len() < 2 || p.len() > 3 {
        return Err(type_error(format!("array() takes at most 2 arguments ({} given)", p.len().saturating_sub(1))));
    }
    let tc = match p[1].as_str() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('?'),
        _ => {
            return Err(type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(&p[1])
            )));
        }
    };
    if !TYPECODES.contains(tc) {
        return Err(value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let tc = tc as u8;
    let mut data = Vec::new();
    if let Some(init) = p.get(2) {
        if let Some(s) = init.as_str() {
            if tc != b'u' {
                return Err(type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            for c in s.chars() {
                data.extend_from_slice(&(c as u32).to_ne_bytes());
            }
        } else if let Some(other) = native_ref::<Array>(init) {
            if other.tc == b'u' && tc != b'u' {
                return Err(type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            let items = other.items();
            data = encode_all(vm, tc, &items)?;
        } else if let Some(b) = crate::objects::bytes::bytes_data(init) {
            data = frombytes_checked(tc, &b)?;
        } else {
            let items = vm.to_vec(init)?;
            data = encode_all(vm, tc, &items)?;
        }
    }
    Ok(new_array(&cls, tc, data))
}

fn frombytes_checked(tc: u8, b: &[u8]) -> PyResult<Vec<u8>> {
    if b.len() % itemsize(tc) != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    Ok(b.to_vec())
}

fn a_typecode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "typecode")?;
    Ok(new_str((a.tc as char).to_string()))
}

fn a_itemsize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "itemsize")?;
    Ok(new_int(itemsize(a.tc) as i64))
}

fn a_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "append")?;
    let [_, v] = args.exact::<2>("append")?;
    let mut buf = Vec::new();
    encode(vm, a.tc, v, &mut buf)?;
    a.data.borrow_mut().extend_from_slice(&buf);
    Ok(none())
}

/// The bytes `extend(iterable)` adds (an array must have the same typecode).
fn extension(vm: &mut Vm, a: &Array, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(o) = native_ref::<Array>(v) {
        if o.tc != a.tc {
            return Err(type_error("can only extend with array of same kind"));
        }
        return Ok(o.data.borrow().clone());
    }
    let items = vm.to_vec(v)?;
    encode_all(vm, a.tc, &items)
}

fn a_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "extend")?;
    let [_, v] = args.exact::<2>("extend")?;
    let more = extension(vm, a, v)?;
    a.data.borrow_mut().extend_from_slice(&more);
    Ok(none())
}

fn a_frombytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "frombytes")?;
    let [_, v] = args.exact::<2>("frombytes")?;
    if v.as_str().is_some() {
        return Err(type_error("a bytes-like object is required, not 'str'"));
    }
    let b = crate::builtins::memoryview::buffer_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))?;
    let more = frombytes_checked(a.tc, &b)?;
    a.data.borrow_mut().extend_from_slice(&more);
    Ok(none())
}

fn a_tobytes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "tobytes")?;
    args.exact::<1>("tobytes")?;
    Ok(new_bytes(a.data.borrow().clone()))
}

fn a_fromlist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "fromlist")?;
    let [_, v] = args.exact::<2>("fromlist")?;
    let Some(l) = v.downcast::<PyList>() else { return Err(type_error("arg must be list")) };
    let items = l.snapshot();
    let more = encode_all(vm, a.tc, &items)?;
    a.data.borrow_mut().extend_from_slice(&more);
    Ok(none())
}

fn a_tolist(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "tolist")?;
    args.exact::<1>("tolist")?;
    Ok(new_list(a.items()))
}

fn a_fromunicode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "fromunicode")?;
    let [_, v] = args.exact::<2>("fromunicode")?;
    let Some(s) = v.as_str() else {
        return Err(type_error(format!("fromunicode() argument must be str, not {}", type_name(v))));
    };
    if a.tc != b'u' {
        return Err(value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let mut d = a.data.borrow_mut();
    for c in s.chars() {
        d.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    Ok(none())
}

fn a_tounicode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "tounicode")?;
    if a.tc != b'u' {
        return Err(value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = a
        .data
        .borrow()
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    Ok(new_str(s))
}

fn a_buffer_info(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "buffer_info")?;
    let addr = a.data.borrow().as_ptr() as usize;
    Ok(new_tuple(vec![new_bigint(BigInt::from(addr)), new_int(a.len() as i64)]))
}

fn a_byteswap(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "byteswap")?;
    let n = itemsize(a.tc);
    for c in a.data.borrow_mut().chunks_exact_mut(n) {
        c.reverse();
    }
    Ok(none())
}

/// Positions of items equal to `x` in `lo..hi`, stopping at the first when `first`.
fn find(vm: &mut Vm, a: &Array, x: &Value, lo: usize, hi: usize, first: bool) -> PyResult<Vec<usize>> {
    let mut hits = Vec::new();
    let mut i = lo;
    while i < hi.min(a.len()) {
        let item = a.get(i);
        if vm.eq(&item, x)? {
            hits.push(i);
            if first {
                break;
            }
        }
        i += 1;
    }
    Ok(hits)
}

fn a_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "count")?;
    let [_, x] = args.exact::<2>("count")?;
    let n = find(vm, a, x, 0, usize::MAX, false)?.len();
    Ok(new_int(n as i64))
}

fn a_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "index")?;
    let p = args.range("index", 2, 4)?;
    let (lo, hi) = crate::objects::sequtil::opt_range(vm, p.get(2), p.get(3), a.len())?;
    match find(vm, a, &p[1], lo, hi, true)?.first() {
        Some(&i) => Ok(new_int(i as i64)),
        None => Err(value_error("array.index(x): x not in array")),
    }
}

fn a_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "insert")?;
    let [_, i, v] = args.exact::<3>("insert")?;
    let i = crate::builtins::posix::int_arg(vm, i)?;
    let mut buf = Vec::new();
    encode(vm, a.tc, v, &mut buf)?;
    let n = a.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let w = itemsize(a.tc);
    a.data.borrow_mut().splice(at * w..at * w, buf);
    Ok(none())
}

fn a_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "pop")?;
    let p = args.range("pop", 1, 2)?;
    let i = match p.get(1) {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => -1,
    };
    let n = a.len();
    if n == 0 {
        return Err(index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(index_error("pop index out of range"));
    }
    let j = j as usize;
    let v = a.get(j);
    let w = itemsize(a.tc);
    a.data.borrow_mut().drain(j * w..(j + 1) * w);
    Ok(v)
}

fn a_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "remove")?;
    let [_, x] = args.exact::<2>("remove")?;
    match find(vm, a, x, 0, usize::MAX, true)?.first() {
        Some(&j) => {
            let w = itemsize(a.tc);
            a.data.borrow_mut().drain(j * w..(j + 1) * w);
            Ok(none())
        }
        None => Err(value_error("array.remove(x): x not in array")),
    }
}

fn a_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "reverse")?;
    let w = itemsize(a.tc);
    let mut d = a.data.borrow_mut();
    let items: Vec<Vec<u8>> = d.chunks_exact(w).rev().map(<[u8]>::to_vec).collect();
    *d = items.concat();
    Ok(none())
}

fn a_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__len__")?;
    Ok(new_int(a.len() as i64))
}

/// An index or slice key; arraymodule.c words the error without "or slices".
fn array_key(vm: &mut Vm, key: &Value, len: usize) -> PyResult<SubKey> {
    let indexable = crate::objects::int::is_int(key) || vm.lookup_special(key, "__index__").is_some();
    if !indexable && key.payload::<crate::objects::slice::PySlice>().is_none() {
        return Err(type_error("array indices must be integers"));
    }
    subscript_key(vm, key, len, "array")
}

fn a_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__getitem__")?;
    let [_, key] = args.exact::<2>("__getitem__")?;
    match array_key(vm, key, a.len())? {
        SubKey::Index(i) => {
            let j = crate::objects::sequtil::norm_index(i, a.len(), "array")?;
            Ok(a.get(j))
        }
        SubKey::Slice(sl) => {
            let w = itemsize(a.tc);
            let d = a.data.borrow();
            let mut out = Vec::with_capacity(sl.len * w);
            for p in sl.positions() {
                out.extend_from_slice(&d[p * w..(p + 1) * w]);
            }
            Ok(new_array(&classes().array, a.tc, out))
        }
    }
}

fn a_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__setitem__")?;
    let [_, key, v] = args.exact::<3>("__setitem__")?;
    let w = itemsize(a.tc);
    match array_key(vm, key, a.len())? {
        SubKey::Index(i) => {
            let j = crate::objects::sequtil::norm_index(i, a.len(), "array assignment")?;
            let mut buf = Vec::new();
            encode(vm, a.tc, v, &mut buf)?;
            a.data.borrow_mut()[j * w..(j + 1) * w].copy_from_slice(&buf);
        }
        SubKey::Slice(sl) => {
            let Some(o) = native_ref::<Array>(v) else {
                return Err(type_error(format!("can only assign array (not \"{}\") to array slice", type_name(v))));
            };
            if o.tc != a.tc {
                return Err(type_error("bad argument type for built-in operation"));
            }
            let src = o.data.borrow().clone();
            let mut d = a.data.borrow_mut();
            if sl.step == 1 {
                let start = sl.start.max(0) as usize;
                let stop = (sl.stop.max(sl.start).max(0) as usize).max(start);
                d.splice(start * w..stop * w, src);
            } else {
                if src.len() / w != sl.len {
                    return Err(value_error(format!(
                        "attempt to assign array of size {} to extended slice of size {}",
                        src.len() / w,
                        sl.len
                    )));
                }
                for (k, p) in sl.positions().enumerate() {
                    d[p * w..(p + 1) * w].copy_from_slice(&src[k * w..(k + 1) * w]);
                }
            }
        }
    }
    Ok(none())
}

fn a_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__delitem__")?;
    let [_, key] = args.exact::<2>("__delitem__")?;
    let w = itemsize(a.tc);
    match array_key(vm, key, a.len())? {
        SubKey::Index(i) => {
            let j = crate::objects::sequtil::norm_index(i, a.len(), "array assignment")?;
            a.data.borrow_mut().drain(j * w..(j + 1) * w);
        }
        SubKey::Slice(sl) => {
            let gone: std::collections::HashSet<usize> = sl.positions().collect();
            let mut d = a.data.borrow_mut();
            let kept: Vec<u8> = d
                .chunks_exact(w)
                .enumerate()
                .filter(|(i, _)| !gone.contains(i))
                .flat_map(|(_, c)| c.to_vec())
                .collect();
            *d = kept;
        }
    }
    Ok(none())
}

fn a_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__contains__")?;
    let [_, x] = args.exact::<2>("__contains__")?;
    Ok(py_bool(!find(vm, a, x, 0, usize::MAX, true)?.is_empty()))
}

struct ArrayIter {
    array: Option<Value>,
    index: usize,
}

impl NativeIter for ArrayIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        let Some(arr) = &self.array else { return Some(None) };
        let Some(a) = native_ref::<Array>(arr) else { return Some(None) };
        if self.index >= a.len() {
            self.array = None;
            return Some(None);
        }
        let v = a.get(self.index);
        self.index += 1;
        Some(Some(v))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(a) = &self.array {
            visit(a);
        }
    }
}

fn a_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = me(&args, "__iter__")?;
    Ok(new_native_iter(&classes().iter, Box::new(ArrayIter { array: Some(s.clone()), index: 0 })))
}

fn a_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, a) = me(&args, "__repr__")?;
    let name = s.type_of().as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let tc = a.tc as char;
    if a.len() == 0 {
        return Ok(new_str(format!("{name}('{tc}')")));
    }
    let body = if a.tc == b'u' {
        let u = a_tounicode(vm, args)?;
        vm.repr_string(&u)?
    } else {
        vm.repr_string(&new_list(a.items()))?
    };
    Ok(new_str(format!("{name}('{tc}', {body})")))
}

/// The other operand of `+`/`+=`: an array of the same typecode.
fn same_kind<'a>(a: &Array, v: &'a Value) -> PyResult<&'a Array> {
    let Some(o) = native_ref::<Array>(v) else {
        return Err(type_error(format!("can only append array (not \"{}\") to array", type_name(v))));
    };
    if o.tc != a.tc {
        return Err(type_error("bad argument type for built-in operation"));
    }
    Ok(o)
}

fn a_add(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__add__")?;
    let [_, v] = args.exact::<2>("__add__")?;
    let o = same_kind(a, v)?;
    let mut d = a.data.borrow().clone();
    d.extend_from_slice(&o.data.borrow());
    Ok(new_array(&classes().array, a.tc, d))
}

fn a_iadd(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, a) = me(&args, "__iadd__")?;
    let [_, v] = args.exact::<2>("__iadd__")?;
    let more = same_kind(a, v)?.data.borrow().clone();
    a.data.borrow_mut().extend_from_slice(&more);
    Ok(s.clone())
}

fn times(vm: &mut Vm, a: &Array, n: &Value) -> PyResult<Option<Vec<u8>>> {
    let Some(k) = crate::objects::sequtil::repeat_count(vm, n)? else { return Ok(None) };
    let d = a.data.borrow();
    crate::objects::sequtil::check_alloc(d.len() as u128 * k.max(0) as u128)?;
    Ok(Some(d.repeat(k.max(0) as usize)))
}

fn a_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__mul__")?;
    let [_, n] = args.exact::<2>("__mul__")?;
    match times(vm, a, n)? {
        Some(d) => Ok(new_array(&classes().array, a.tc, d)),
        None => Ok(not_implemented()),
    }
}

fn a_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, a) = me(&args, "__imul__")?;
    let [_, n] = args.exact::<2>("__imul__")?;
    match times(vm, a, n)? {
        Some(d) => {
            *a.data.borrow_mut() = d;
            Ok(s.clone())
        }
        None => Ok(not_implemented()),
    }
}

/// Rich comparison: same-typecode equality by bytes for the integer codes (floats compare
/// by value: NaN != NaN), else item by item as sequences.
fn compare(vm: &mut Vm, args: &Args<'_>, op: CmpOp, name: &str) -> PyResult {
    let (_, a) = me(args, name)?;
    let [_, v] = args.exact::<2>(name)?;
    let Some(o) = native_ref::<Array>(v) else { return Ok(not_implemented()) };
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.tc == o.tc && !matches!(a.tc, b'f' | b'd') {
        let same = *a.data.borrow() == *o.data.borrow();
        return Ok(py_bool(same == (op == CmpOp::Eq)));
    }
    let (x, y) = (a.items(), o.items());
    use crate::objects::sequtil::{SeqRef, seq_compare};
    seq_compare(vm, SeqRef::Tuple(&x), SeqRef::Tuple(&y), op)
}

macro_rules! comparisons {
    ($($f:ident => $op:ident, $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            compare(vm, &args, CmpOp::$op, $name)
        })*
    };
}
comparisons! {
    a_eq => Eq, "__eq__";
    a_ne => Ne, "__ne__";
    a_lt => Lt, "__lt__";
    a_le => Le, "__le__";
    a_gt => Gt, "__gt__";
    a_ge => Ge, "__ge__";
}

/// A copy is a plain array even of a subclass, as CPython's (a full slice).
fn a_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, a) = me(&args, "__copy__")?;
    Ok(new_array(&classes().array, a.tc, a.data.borrow().clone()))
}

/// Pickling as CPython's protocol-0..2 form: `array(typecode, list)`.
fn a_reduce_ex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, a) = me(&args, "__reduce_ex__")?;
    let tc = new_str((a.tc as char).to_string());
    Ok(new_tuple(vec![s.type_of().clone(), new_tuple(vec![tc, new_list(a.items())]), none()]))
}

pub fn register() {
    crate::vm::interp::register_native("array", init_array);
}

fn init_array(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("array");
    let d = module_dict(&m);
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    let c = classes();
    dd.set_str(new_str("array"), c.array.clone());
    dd.set_str(new_str("ArrayType"), c.array.clone());
    dd.set_str(new_str("typecodes"), new_str(TYPECODES));
    Ok(m)
}
