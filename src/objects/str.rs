//! `str`: immutable UTF-8 text with its length in code points cached, so indexing ASCII
//! strings is O(1). Operators and the constructor live here; the named methods in
//! `str/methods.rs`, `str.format` in `str/format.rs`, `%` in `str/percent.rs`, quoting in
//! `str/repr.rs`.

pub mod format;
pub mod methods;
pub mod percent;
pub mod repr;
pub mod search;
pub mod tables;

use std::cell::Cell;

use compact_str::CompactString;

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::iter::{StrIter, new_native_iter};
use crate::objects::list::has_user_reflected;
use crate::objects::sequtil::{SubKey, marg1, margs, new_cls, norm_index, repeat_count, subscript_key, this};
use crate::objects::{Trace, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, index_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyStr {
    /// Up to 24 bytes inline in the object (one allocation, one cache line for dict key
    /// compares); longer text on the heap. Growable, so `s += t` can append in place.
    s: CompactString,
    /// Length in code points (== bytes for ASCII).
    char_len: usize,
    /// Cached hash; `i64::MIN` until computed.
    hash: Cell<i64>,
    /// For non-ASCII text: the byte offset of every 16th code point, built on first
    /// indexing so `s[i]` stays O(1) amortised.
    marks: std::cell::OnceCell<Box<[u32]>>,
}
impl Trace for PyStr {}

/// The hash of a string as CPython computes it with `PYTHONHASHSEED=0` (SipHash-1-3 with a
/// zero key over the PEP 393 representation: latin-1, UCS-2 or UCS-4 little-endian), so set
/// iteration order matches the golden outputs.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        if !s.is_empty() && s.len() <= HC_MAX {
            return hash_short_cached(s.as_bytes());
        }
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

const HC_MAX: usize = 31;
const HC_SIZE: usize = 1024;

/// A cached SipHash of a short ASCII name (attribute and global lookups by Rust `&str`
/// hash the same few names over and over).
#[derive(Clone, Copy)]
struct HEntry {
    len: u8,
    bytes: [u8; HC_MAX],
    hash: i64,
}

thread_local! {
    static HCACHE: std::cell::RefCell<[HEntry; HC_SIZE]> =
        const { std::cell::RefCell::new([HEntry { len: 0, bytes: [0; HC_MAX], hash: 0 }; HC_SIZE]) };
}

fn hash_short_cached(b: &[u8]) -> i64 {
    // A cheap multiplicative hash picks the cache slot; the entry stores the full text.
    let mut q: u64 = b.len() as u64;
    for &c in b {
        q = (q.rotate_left(5) ^ c as u64).wrapping_mul(0x9E3779B97F4A7C15);
    }
    let idx = (q >> 54) as usize & (HC_SIZE - 1);
    let hit = HCACHE.with(|c| {
        let c = c.borrow();
        let e = &c[idx];
        (e.len as usize == b.len() && &e.bytes[..b.len()] == b).then_some(e.hash)
    });
    if let Some(h) = hit {
        return h;
    }
    let h = hash_bytes(b);
    HCACHE.with(|c| {
        let mut c = c.borrow_mut();
        let e = &mut c[idx];
        e.len = b.len() as u8;
        e.bytes[..b.len()].copy_from_slice(b);
        e.hash = h;
    });
    h
}

/// `hash(bytes)`: SipHash-1-3 with a zero key (CPython with `PYTHONHASHSEED=0`); never -1.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let h = siphash13(0, 0, b) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython's siphash13 (Python/pyhash.c).
fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut b: u64 = (src.len() as u64) << 56;
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! half_round {
        ($a:expr, $b:expr, $c:expr, $d:expr, $s:expr, $t:expr) => {
            $a = $a.wrapping_add($b);
            $c = $c.wrapping_add($d);
            $b = $b.rotate_left($s) ^ $a;
            $d = $d.rotate_left($t) ^ $c;
            $a = $a.rotate_left(32);
        };
    }
    macro_rules! single_round {
        () => {
            half_round!(v0, v1, v2, v3, 13, 16);
            half_round!(v2, v1, v0, v3, 17, 21);
        };
    }
    let mut chunks = src.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mi = u64::from_le_bytes(w);
        v3 ^= mi;
        single_round!();
        v0 ^= mi;
    }
    let rest = chunks.remainder();
    let mut t = [0u8; 8];
    t[..rest.len()].copy_from_slice(rest);
    b |= u64::from_le_bytes(t);
    v3 ^= b;
    single_round!();
    v0 ^= b;
    v2 ^= 0xff;
    single_round!();
    single_round!();
    single_round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

impl PyStr {
    pub fn new(s: impl Into<CompactString>) -> PyStr {
        let mut s: CompactString = s.into();
        // Keep modest slack (a realloc per new string costs more than the bytes).
        if s.capacity() - s.len() > s.len() / 2 + 64 {
            s.shrink_to_fit();
        }
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, char_len, hash: Cell::new(i64::MIN), marks: std::cell::OnceCell::new() }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points (`len()`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != i64::MIN {
            return h;
        }
        // The object caches its own hash: skip `hash_str`'s short-name cache.
        let h = if self.is_ascii() { hash_bytes(self.s.as_bytes()) } else { hash_str(&self.s) };
        self.hash.set(h);
        h
    }
    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            return self.s.as_bytes().get(i).map(|&b| b as char);
        }
        if i >= self.char_len {
            return None;
        }
        self.s.get(self.byte_offset(i)..).and_then(|r| r.chars().next())
    }
    /// Byte offset of code point `i` (`i >= char_len` gives the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.s.len());
        }
        if i >= self.char_len {
            return self.s.len();
        }
        let marks = self.marks.get_or_init(|| {
            self.s.char_indices().step_by(16).map(|(b, _)| b as u32).collect::<Vec<u32>>().into_boxed_slice()
        });
        let base = marks.get(i / 16).copied().unwrap_or(0) as usize;
        let rest = &self.s[base..];
        base + rest.char_indices().nth(i % 16).map(|(b, _)| b).unwrap_or(rest.len())
    }
}

/// `a += b` for an exact str that nothing else references: appends in place (amortised
/// O(len(b)), like CPython's unicode_concatenate). False when `a` is shared.
pub fn append_in_place(a: &mut Value, b: &str) -> bool {
    let Some(p) = layout::unique_payload_mut::<PyStr>(a) else { return false };
    if b.is_empty() {
        return true;
    }
    let add = if b.is_ascii() { b.len() } else { b.chars().count() };
    let n = p.s.len() + b.len();
    if n <= SHORT {
        // Still inline: rebuilt from the stack, cheaper than `CompactString::push_str`.
        let mut buf = [0u8; SHORT];
        buf[..p.s.len()].copy_from_slice(p.s.as_bytes());
        buf[p.s.len()..n].copy_from_slice(b.as_bytes());
        p.s = CompactString::from(std::str::from_utf8(&buf[..n]).unwrap_or(""));
    } else {
        p.s.push_str(b);
    }
    p.char_len += add;
    p.hash.set(i64::MIN);
    p.marks = std::cell::OnceCell::new();
    true
}

/// A new `str` object.
pub fn new_str(s: impl Into<CompactString>) -> Value {
    let s: CompactString = s.into();
    if s.len() == 1 && s.is_ascii() {
        return super::registry::ascii_char(s.as_bytes()[0]);
    }
    if s.is_empty() {
        if let Some(sg) = super::registry::try_singletons() {
            return sg.empty_str.clone();
        }
    }
    layout::alloc(&types().str, PyStr::new(s))
}

/// Identifier strs shared by every code object and builtin registration, so name
/// lookups (globals/builtins inline caches, attribute dicts) match by identity. One table
/// for all threads: a name interned in one thread must be the same object in every other.
static INTERNED: crate::values::gil::GilStatic<std::cell::RefCell<Option<rustc_hash::FxHashMap<String, Value>>>> =
    crate::values::gil::GilStatic::new(std::cell::RefCell::new(None));

/// The one shared `str` object for identifier `s` (CPython's `sys.intern` of names).
pub fn intern(s: &str) -> Value {
    if let Some(v) = INTERNED.borrow().as_ref().and_then(|t| t.get(s).cloned()) {
        return v;
    }
    let v = new_str(s);
    INTERNED.borrow_mut().get_or_insert_with(Default::default).insert(s.to_owned(), v.clone());
    v
}

/// Is `v` the interned copy of its text (what `intern` returns)? marshal records this.
pub fn is_interned(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    INTERNED.borrow().as_ref().and_then(|t| t.get(s)).is_some_and(|i| i.is(v))
}

/// A one-character string (cached for ASCII).
#[inline]
pub fn char_str(c: char) -> Value {
    if c.is_ascii() {
        return super::registry::ascii_char(c as u8);
    }
    layout::alloc(&types().str, PyStr::new(c.to_string()))
}

impl Value {
    /// The text, if this is a `str` (or a subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.downcast::<PyStr>().map(|s| s.as_str())
    }
}

pub(crate) fn sself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyStr)> {
    this::<PyStr>(args, meth, "str")
}

/// The text of a `str` argument, or CPython's "must be str, not int" error.
pub(crate) fn arg_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{what} must be str, not {}", type_name(v))))
}

/// `str(obj)` as an exact `str` value.
pub fn to_exact_str(vm: &mut Vm, v: &Value) -> PyResult {
    let r = vm.str(v)?;
    if r.kind() == Kind::Str {
        return Ok(r);
    }
    Ok(new_str(r.as_str().unwrap_or("")))
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().str)?;
    let b = crate::objects::sequtil::mbind(&args, "str", &["object", "encoding", "errors"], 0)?;
    let s = match (&b[0], &b[1], &b[2]) {
        (None, None, None) => new_str(""),
        (Some(o), None, None) => to_exact_str(vm, o)?,
        (o, enc, errs) => {
            let enc = match enc {
                Some(e) => arg_str(e, "str() argument 'encoding'")?.to_owned(),
                None => "utf-8".to_owned(),
            };
            let errs = match errs {
                Some(e) => arg_str(e, "str() argument 'errors'")?.to_owned(),
                None => "strict".to_owned(),
            };
            match o {
                None => new_str(""),
                Some(o) => {
                    if o.as_str().is_some() {
                        return Err(type_error("decoding str is not supported"));
                    }
                    let Some(bytes) = crate::objects::bytes::bytes_data(o) else {
                        return Err(type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            type_name(o)
                        )));
                    };
                    crate::objects::bytes::decode(&bytes, &enc, &errs)?
                }
            }
        }
    };
    if cls.is(&types().str) {
        return Ok(s);
    }
    Ok(crate::objects::sequtil::subclass_instance(cls, s))
}

fn str_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__len__")?;
    Ok(new_int(s.char_len() as i64))
}

/// `s[key]` for a str payload.
pub fn getitem(vm: &mut Vm, s: &PyStr, key: &Value) -> PyResult {
    let n = s.char_len();
    let k = match key.as_small() {
        Some(i) => SubKey::Index(i),
        None => match subscript_key(vm, key, n, "string") {
            Ok(k) => k,
            Err(e) if e.matches(&crate::objects::registry::exc().type_error) && !key.is_small() => {
                if crate::objects::sequtil::index_bigint(vm, key)?.is_none() && key.kind() != Kind::Slice {
                    return Err(type_error(format!("string indices must be integers, not '{}'", type_name(key))));
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        },
    };
    match k {
        SubKey::Index(i) => {
            let j = norm_index(i, n, "string")?;
            match s.char_at(j) {
                Some(c) => Ok(char_str(c)),
                None => Err(index_error("string index out of range")),
            }
        }
        SubKey::Slice(sl) => {
            if sl.len == 0 {
                return Ok(new_str(""));
            }
            if sl.step == 1 {
                let a = s.byte_offset(sl.start as usize);
                let b = if s.is_ascii() { a + sl.len } else { s.byte_offset(sl.start as usize + sl.len) };
                return Ok(new_str(s.as_str().get(a..b).unwrap_or("")));
            }
            let out: String = if s.is_ascii() {
                let bytes = s.as_str().as_bytes();
                sl.positions().filter_map(|p| bytes.get(p).map(|&b| b as char)).collect()
            } else {
                let chars: Vec<char> = s.as_str().chars().collect();
                sl.positions().filter_map(|p| chars.get(p).copied()).collect()
            };
            Ok(new_str(out))
        }
    }
}

fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__getitem__")?;
    let k = marg1(&args, "str.__getitem__")?;
    getitem(vm, s, k)
}

fn str_contains(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__contains__")?;
    let x = marg1(&args, "str.__contains__")?;
    let Some(sub) = x.as_str() else {
        return Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(x))));
    };
    Ok(py_bool(search::contains(s.as_str(), sub)))
}

/// `a + b` for two strings.
pub fn concat(a: &str, b: &str) -> Value {
    let n = a.len() + b.len();
    if n <= SHORT {
        let mut buf = [0u8; SHORT];
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        return new_short(&buf[..n]);
    }
    let mut out = String::with_capacity(n);
    out.push_str(a);
    out.push_str(b);
    new_str(out)
}

/// Text that fits inline in a `str` object (`CompactString`'s inline capacity).
const SHORT: usize = 24;

/// A new `str` from short UTF-8 assembled on the stack: copied straight into the object,
/// with no heap buffer to fill and free (`CompactString::push_str` costs more per call
/// than that copy).
fn new_short(b: &[u8]) -> Value {
    // The bytes are whole strs put together, so always valid UTF-8.
    new_str(std::str::from_utf8(b).unwrap_or(""))
}

fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__add__")?;
    let o = marg1(&args, "str.__add__")?;
    match o.as_str() {
        Some(t) => Ok(concat(s.as_str(), t)),
        None if has_user_reflected(vm, o, "__radd__") => Ok(not_implemented()),
        None => Err(type_error(format!("can only concatenate str (not \"{}\") to str", type_name(o)))),
    }
}

/// `s * n`.
pub fn repeat_str(s: &str, n: i64) -> PyResult {
    if n <= 0 || s.is_empty() {
        return Ok(new_str(""));
    }
    // CPython's limit is in code points: past `sys.maxsize` an OverflowError.
    let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
    if chars as u128 * n as u128 > isize::MAX as u128 {
        return Err(crate::vm::errors::overflow_error("repeated string is too long"));
    }
    let total = (s.len() as u128) * (n as u128);
    crate::objects::sequtil::check_alloc(total)?;
    if total <= SHORT as u128 {
        let mut buf = [0u8; SHORT];
        for chunk in buf[..total as usize].chunks_exact_mut(s.len()) {
            chunk.copy_from_slice(s.as_bytes());
        }
        return Ok(new_short(&buf[..total as usize]));
    }
    Ok(new_str(s.repeat(n as usize)))
}

fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__mul__")?;
    let o = marg1(&args, "str.__mul__")?;
    match repeat_count(vm, o)? {
        Some(n) => repeat_str(s.as_str(), n),
        None if has_user_reflected(vm, o, "__rmul__") => Ok(not_implemented()),
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(o)))),
    }
}

fn str_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__rmul__")?;
    let o = marg1(&args, "str.__rmul__")?;
    match repeat_count(vm, o)? {
        Some(n) => repeat_str(s.as_str(), n),
        None => Ok(not_implemented()),
    }
}

fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__mod__")?;
    let o = marg1(&args, "str.__mod__")?;
    Ok(new_str(percent::format(vm, s.as_str(), o)?))
}

fn str_rmod(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(not_implemented())
}

fn str_cmp(args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, s) = sself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(t) = o.as_str() else { return Ok(not_implemented()) };
    let (a, b) = (s.as_str(), t);
    Ok(py_bool(op.apply(a, b)))
}

fn str_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Eq)
}
fn str_ne(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Ne)
}
fn str_lt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Lt)
}
fn str_le(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Le)
}
fn str_gt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Gt)
}
fn str_ge(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    str_cmp(args, CmpOp::Ge)
}

fn str_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__hash__")?;
    Ok(new_int(s.hash()))
}

pub(crate) fn str_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "__iter__")?;
    let ty = if s.is_ascii() { &types().str_iterator } else { &types().str_nonascii_iterator };
    Ok(new_native_iter(ty, Box::new(StrIter { s: Some(v.clone()), pos: 0, index: 0 })))
}

fn str_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__repr__")?;
    Ok(new_str(repr::repr_str(s.as_str())))
}

fn str_str(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "__str__")?;
    if v.kind() == Kind::Str {
        return Ok(v.clone());
    }
    Ok(new_str(s.as_str()))
}

fn str_format_dunder(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "__format__")?;
    let spec = marg1(&args, "str.__format__")?;
    let spec = spec
        .as_str()
        .ok_or_else(|| type_error(format!("__format__() argument must be str, not {}", type_name(spec))))?;
    if spec.is_empty() && v.kind() == Kind::Str {
        return Ok(v.clone());
    }
    Ok(new_str(format::format_str(s.as_str(), spec)?))
}

fn str_getnewargs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__getnewargs__")?;
    margs(&args, "__getnewargs__", 0, 0)?;
    Ok(crate::objects::tuple::new_tuple(vec![new_str(s.as_str())]))
}

/// `ValueError` helper used by the method modules.
pub(crate) fn verr(msg: impl Into<String>) -> PyErr {
    crate::vm::errors::value_error(msg)
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().str;
    add_staticmethod(t, "__new__", str_new);
    add_method(t, "__len__", str_len);
    add_method(t, "__getitem__", str_getitem);
    add_method(t, "__contains__", str_contains);
    add_method(t, "__add__", str_add);
    add_method(t, "__mul__", str_mul);
    add_method(t, "__rmul__", str_rmul);
    add_method(t, "__mod__", str_mod);
    add_method(t, "__rmod__", str_rmod);
    add_method(t, "__eq__", str_eq);
    add_method(t, "__ne__", str_ne);
    add_method(t, "__lt__", str_lt);
    add_method(t, "__le__", str_le);
    add_method(t, "__gt__", str_gt);
    add_method(t, "__ge__", str_ge);
    add_method(t, "__hash__", str_hash);
    add_method(t, "__iter__", str_iter);
    add_method(t, "__repr__", str_repr);
    add_method(t, "__str__", str_str);
    add_method(t, "__format__", str_format_dunder);
    add_method(t, "__getnewargs__", str_getnewargs);
    add_method(t, "__sizeof__", crate::objects::sizeof::object_sizeof);
    methods::init(t);
}
