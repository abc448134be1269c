//! Type objects: name, bases, C3 MRO, the attribute dict, and a version tag that inline
//! caches and compiled code key on (bumped whenever the type or a base changes).
//!
//! Version invalidation uses real subclass lists: every type keeps (strong) references to
//! its direct subclasses, and `modified()` renews the version of the type and of every
//! type below it. The references are strong because a type already keeps itself alive
//! through its MRO (`mro[0]` is itself), so only the cycle collector frees classes; it sees
//! these edges through `Trace`.

use std::cell::{Cell, RefCell};

use crate::objects::Trace;
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::types;
use crate::values::{Kind, Value, layout};

pub mod generic;
mod methods;
pub mod new;
pub mod proxy;
pub mod union;

pub use methods::{call_unbound, type_call};

/// Instances may be subclassed (`class X(int)`).
pub const TF_BASETYPE: u32 = 1;
/// Created by a `class` statement (or `type(name, bases, ns)`), not built in.
pub const TF_HEAPTYPE: u32 = 2;
/// Defines `__del__` somewhere in its MRO.
pub const TF_HAS_DEL: u32 = 4;
/// Its MRO has a Python-level `__getattribute__` (not the native generic one).
pub const TF_CUSTOM_GETATTRIBUTE: u32 = 8;
/// Its MRO defines `__getattr__`.
pub const TF_HAS_GETATTR: u32 = 16;
/// Its MRO has a Python-level `__setattr__` or `__delattr__`.
pub const TF_CUSTOM_SETATTR: u32 = 32;
/// Its own dict has `__abstractmethods__` (instantiation must check it).
pub const TF_ABSTRACT: u32 = 64;

/// Is `name` a dunder (`__x__`)? Types keep their descriptors under such names.
pub fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// Is `a` (found on a type) a non-data attribute the fast paths can handle as is?
#[inline]
pub fn plain_class_attr(a: &Value) -> bool {
    matches!(
        a.kind(),
        Kind::Function
            | Kind::Builtin
            | Kind::SmallInt
            | Kind::Str
            | Kind::None
            | Kind::Int
            | Kind::Float
            | Kind::Bool
            | Kind::Tuple
    )
}

pub struct PyType {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    /// Method resolution order, starting with this type itself.
    pub mro: RefCell<Vec<Value>>,
    /// The attribute namespace (`__dict__`, keys are str).
    pub dict: PyDict,
    /// The payload kind instances of this type are allocated with.
    pub instance_kind: Kind,
    pub flags: Cell<u32>,
    /// Changes whenever this type's or any base's dict or bases change.
    pub version: Cell<u32>,
    /// `__slots__` names laid out in `Instance::slots`, bases' first.
    pub slot_names: RefCell<Vec<Value>>,
    /// Instances carry a `__dict__`.
    pub has_dict: Cell<bool>,
    /// The base whose layout instances extend (`__base__`).
    pub base: RefCell<Option<Value>>,
    /// Direct subclasses (for `__subclasses__()` and version invalidation).
    pub subclasses: RefCell<Vec<Value>>,
    /// Method-cache slots filled for this type, purged when it changes (so the cache
    /// never keeps a replaced class attribute alive).
    cache_slots: RefCell<Vec<u16>>,
    /// The names along the MRO, dunders aside, whose class attribute is not plain
    /// (`plain_class_attr`: properties, slots, other descriptors); `None` when there are
    /// too many to list. An instance-dict entry of any other such name is the attribute,
    /// which polymorphic attribute caches use instead of a lookup.
    not_plain: RefCell<Option<Box<[Box<str>]>>>,
    /// Builtin (non-heap) types: `__new__` and `__init__` for `type_call`, as of `version`.
    /// Not kept for heap types (the collector does not see these references).
    ctor: RefCell<Option<(u32, Value, Option<Value>)>>,
}

impl Trace for PyType {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for b in self.bases.borrow().iter() {
            visit(b);
        }
        // The MRO's first entry is the type itself: a counted self-reference, visited so the
        // collector can explain it.
        for b in self.mro.borrow().iter() {
            visit(b);
        }
        for b in self.subclasses.borrow().iter() {
            visit(b);
        }
        if let Some(b) = &*self.base.borrow() {
            visit(b);
        }
        self.dict.trace(visit);
    }
}

impl PyType {
    pub fn new(name: &str, instance_kind: Kind, flags: u32) -> PyType {
        PyType {
            name: RefCell::new(name.to_owned()),
            qualname: RefCell::new(name.to_owned()),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: PyDict::new(),
            instance_kind,
            flags: Cell::new(flags),
            version: Cell::new(next_version()),
            slot_names: RefCell::new(Vec::new()),
            has_dict: Cell::new(false),
            base: RefCell::new(None),
            subclasses: RefCell::new(Vec::new()),
            cache_slots: RefCell::new(Vec::new()),
            not_plain: RefCell::new(None),
            ctor: RefCell::new(None),
        }
    }

    /// `(__new__, __init__)` looked up for a call of this type; cached by version for
    /// builtin types (`range(n)`, `int(s)` in loops).
    pub fn new_and_init(&self) -> (Option<Value>, Option<Value>) {
        if self.is_heap() {
            return (self.lookup("__new__"), self.lookup("__init__"));
        }
        let version = self.version.get();
        if let Some((v, n, i)) = &*self.ctor.borrow() {
            if *v == version {
                return (Some(n.clone()), i.clone());
            }
        }
        let (n, i) = (self.lookup("__new__"), self.lookup("__init__"));
        if let Some(nv) = &n {
            let old = self.ctor.replace(Some((version, nv.clone(), i.clone())));
            drop(old);
        }
        (n, i)
    }

    /// Looks `name` up along the MRO (no descriptor binding). Cached per type version.
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_with(name, None)
    }

    /// `lookup` when the name's str hash is known (a str object's cached hash).
    #[inline]
    pub fn lookup_hashed(&self, name: &str, hash: i64) -> Option<Value> {
        self.lookup_with(name, Some(hash))
    }

    fn lookup_with(&self, name: &str, hash: Option<i64>) -> Option<Value> {
        let version = self.version.get();
        // The cache slot only needs a cheap key; the real str hash is computed on a miss.
        let key = hash.unwrap_or_else(|| fnv(name));
        let slot = (key as u64 ^ (version as u64).wrapping_mul(0x9e37_79b9)) as usize & (CACHE_SIZE - 1);
        let hit = (|| {
            let c = METHOD_CACHE.borrow();
            let e = c.0.get(slot)?;
            if e.version != version || e.len != name.len() as u32 || e.prefix != prefix16(name) {
                return None;
            }
            // Names of up to 16 bytes are fully compared by the prefix (no pointer chase).
            if name.len() <= 16 || &*e.name == name { Some(e.value.clone()) } else { None }
        })();
        if let Some(v) = hit {
            return v;
        }
        let h = hash.unwrap_or_else(|| crate::objects::str::hash_str(name));
        let v = self.lookup_uncached_hashed(name, h);
        {
            let mut c = METHOD_CACHE.borrow_mut();
            if c.0.is_empty() {
                c.0.resize_with(CACHE_SIZE, CacheEntry::default);
            }
            let old = std::mem::replace(
                &mut c.0[slot],
                CacheEntry {
                    version,
                    len: name.len() as u32,
                    prefix: prefix16(name),
                    name: name.into(),
                    value: v.clone(),
                },
            );
            drop(c);
            drop(old);
        }
        if self.is_heap() {
            let mut cs = self.cache_slots.borrow_mut();
            if cs.len() < 256 && !cs.contains(&(slot as u16)) {
                cs.push(slot as u16);
            }
        }
        v
    }

    /// `lookup` for a `str` object name, using its cached hash.
    #[inline]
    pub fn lookup_value(&self, name: &Value) -> Option<Value> {
        match name.payload::<crate::objects::str::PyStr>() {
            Some(ns) => self.lookup_hashed(ns.as_str(), ns.hash()),
            None => self.lookup(name.as_str().unwrap_or("")),
        }
    }

    /// The MRO walk behind `lookup`.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        self.lookup_uncached_hashed(name, crate::objects::str::hash_str(name))
    }

    fn lookup_uncached_hashed(&self, name: &str, hash: i64) -> Option<Value> {
        for t in self.mro.borrow().iter() {
            if let Some(tp) = t.payload::<PyType>() {
                if let Some(v) = tp.dict.get_str_hashed(name, hash) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    pub fn is_heap(&self) -> bool {
        self.has_flag(TF_HEAPTYPE)
    }

    /// Call after any change to this type's dict, bases or MRO: renews the version of this
    /// type and all its subclasses and recomputes the flags derived from the MRO.
    pub fn modified(&self) {
        let old = self.version.get();
        let slots = std::mem::take(&mut *self.cache_slots.borrow_mut());
        if !slots.is_empty() {
            let dropped: Vec<CacheEntry> = {
                let mut c = METHOD_CACHE.borrow_mut();
                let mut out = Vec::new();
                for s in slots {
                    if let Some(e) = c.0.get_mut(s as usize) {
                        if e.version == old {
                            out.push(std::mem::take(e));
                        }
                    }
                }
                out
            };
            drop(dropped);
        }
        self.version.set(next_version());
        self.recompute_flags();
        let subs = self.subclasses.borrow().clone();
        for s in subs {
            if let Some(st) = s.as_type() {
                st.modified();
            }
        }
    }

    /// Flags that summarise the MRO (so attribute access can skip lookups).
    pub fn recompute_flags(&self) {
        let native = |v: &Option<Value>| v.as_ref().is_none_or(|f| f.kind() == Kind::Builtin);
        let mut f = self.flags.get()
            & !(TF_HAS_DEL | TF_CUSTOM_GETATTRIBUTE | TF_HAS_GETATTR | TF_CUSTOM_SETATTR | TF_ABSTRACT);
        if self.dict.get_str("__abstractmethods__").is_some() {
            f |= TF_ABSTRACT;
        }
        if self.lookup_uncached("__del__").is_some() && self.instance_kind != Kind::Type {
            f |= TF_HAS_DEL;
        }
        if !native(&self.lookup_uncached("__getattribute__")) {
            f |= TF_CUSTOM_GETATTRIBUTE;
        }
        if self.lookup_uncached("__getattr__").is_some() {
            f |= TF_HAS_GETATTR;
        }
        if !native(&self.lookup_uncached("__setattr__")) || !native(&self.lookup_uncached("__delattr__")) {
            f |= TF_CUSTOM_SETATTR;
        }
        self.flags.set(f);
        let mut names = Some(Vec::new());
        for t in self.mro.borrow().iter() {
            let Some(tp) = t.payload::<PyType>() else {
                names = None;
                break;
            };
            for (k, v) in tp.dict.items() {
                match (k.as_str(), &mut names) {
                    (Some(k), _) if is_dunder(k) => {}
                    (Some(k), Some(n)) if !plain_class_attr(&v) && n.len() < 8 => n.push(Box::from(k)),
                    (Some(_), _) if plain_class_attr(&v) => {}
                    _ => names = None,
                }
            }
        }
        *self.not_plain.borrow_mut() = names.map(Vec::into_boxed_slice);
    }

    /// Is the instance-dict entry `name` (if any) what `obj.name` gives on an instance of
    /// this type, as far as the type's own attributes go (see `not_plain`)? `false` when
    /// unknown.
    pub fn dict_entry_wins(&self, name: &str) -> bool {
        !is_dunder(name) && self.not_plain.borrow().as_ref().is_some_and(|n| !n.iter().any(|x| &**x == name))
    }

    /// `__module__` as a string ("builtins" for builtin types, unless a native module's
    /// type names its module in its dict, like `_thread.lock`).
    pub fn module_name(&self) -> String {
        if let Some(m) = self.dict.get_str("__module__") {
            if self.is_heap() || m.as_str().is_some() {
                return m.as_str().map(str::to_owned).unwrap_or_default();
            }
        }
        "builtins".to_owned()
    }
}

const CACHE_SIZE: usize = 4096;

/// The first 8 bytes of `b`, zero-padded, as one word.
#[inline]
fn prefix8(b: &[u8]) -> u64 {
    // One load for long names; a short loop (not a memcpy call) for short ones.
    if let Some(p) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*p);
    }
    let mut v = 0u64;
    for (i, &c) in b.iter().enumerate() {
        v |= (c as u64) << (8 * i);
    }
    v
}

/// The first 16 bytes of `s`, zero-padded, as two words.
#[inline]
fn prefix16(s: &str) -> (u64, u64) {
    let b = s.as_bytes();
    let n = b.len();
    if n <= 8 {
        return (prefix8(b), 0);
    }
    // The last 8 of the first min(n, 16) bytes, shifted so bytes 8.. land at the bottom.
    let m = n.min(16);
    let tail = b[m - 8..m].first_chunk::<8>().map_or(0, |t| u64::from_le_bytes(*t));
    (prefix8(b), tail >> ((16 - m) * 8))
}

/// FNV-1a: a cheap hash for cache slots.
#[inline]
fn fnv(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    (h ^ (h >> 29)) as i64
}

#[derive(Default)]
struct CacheEntry {
    version: u32,
    len: u32,
    /// The first 16 bytes of the name (zero-padded), compared before the full name.
    prefix: (u64, u64),
    name: Box<str>,
    value: Option<Value>,
}

/// The cache's table (a static: never dropped, so no finalizer runs at process exit).
struct Cache(Vec<CacheEntry>);

/// Global method cache: (type version, name) → MRO lookup result, like CPython's; one for
/// all threads (GIL-protected, a plain static load: no TLS access on the hot path).
/// Versions are never reused, so a stale entry can never match.
static METHOD_CACHE: crate::values::gil::GilStatic<RefCell<Cache>> =
    crate::values::gil::GilStatic::new(RefCell::new(Cache(Vec::new())));

static VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A fresh type version tag (0 is never issued: it means "no valid version").
pub fn next_version() -> u32 {
    let n = VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if n == 0 { VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) } else { n }
}

impl Value {
    /// The type payload, if this is a type object.
    #[inline]
    pub fn as_type(&self) -> Option<&PyType> {
        self.payload::<PyType>()
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    methods::init();
    proxy::init();
    generic::init();
    union::init();
}

/// A builtin class made at run time (`_thread.lock`, `weakref.ref`, `io.StringIO`...):
/// a direct subclass of `object` whose instances have payload `kind`; immortal.
pub fn new_builtin_class(name: &str, module: &str, kind: Kind, flags: u32) -> Value {
    let t = layout::alloc(&types().type_, PyType::new(name, kind, flags));
    if let Some(tp) = t.as_type() {
        tp.bases.borrow_mut().push(types().object.clone());
        *tp.mro.borrow_mut() = vec![t.clone(), types().object.clone()];
        tp.dict.set_str(new_str("__module__"), new_str(module));
    }
    layout::make_immortal(&t);
    t
}
