//! Heap object layout: the two-word `Header` every object starts with, `Obj<T>`, the `Kind`
//! table of payload types, allocation and deallocation. All layout `unsafe` lives here.
//!
//! ```text
//!   Obj<T>:  +0  refcnt: u32      reference count
//!            +4  kind:   u8       which payload `T` follows (the downcast tag)
//!            +5  flags:  u8       FINALIZED, GC bits
//!            +8  ty:     *Header  the Python type object (a counted reference)
//!            +16 data:   T        the payload
//! ```
//! The JIT relies on these offsets (`HEADER_*`, `DATA_OFFSET`).
//!
//! Container kinds (the `gc` column of the kind table) are allocated with a `GcHead` of two
//! link words in front of the header (CPython's `PyGC_Head`): the cycle collector's
//! generation lists are intrusive, so tracking costs a link at allocation and an unlink at
//! free, and objects that cannot form cycles (floats, strs) pay nothing.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering};

use super::value::Value;

#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    pub kind: Kind,
    flags: Cell<u8>,
    _pad: [u8; 2],
    ty: Cell<*const Header>,
}

#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub data: T,
}

pub const HEADER_REFCNT: i32 = 0;
pub const HEADER_KIND: i32 = 4;
pub const HEADER_TYPE: i32 = 8;
pub const DATA_OFFSET: i32 = 16;

/// `__del__` already ran (PEP 442: a finalizer runs once).
pub const FLAG_FINALIZED: u8 = 1;
/// Refcount never drops to zero (builtin types, singletons).
pub const FLAG_IMMORTAL: u8 = 2;
/// Allocated with a `GcHead` prefix (a container kind made by `alloc`).
pub const FLAG_GC: u8 = 4;
/// Taken off its generation list by a running collection (its `GcHead` holds an index).
pub const FLAG_COLLECTING: u8 = 8;
/// Some weak reference points here: the side table has an entry (checked at free).
pub const FLAG_WEAKREFS: u8 = 16;
/// An instance `__dict__` that was handed out (`obj.__dict__`): CPython 3.11 materializes
/// the dict object only then, which its collector counts.
pub const FLAG_DICT_EXPOSED: u8 = 32;

/// A payload type stored after a `Header`.
pub trait Payload: Sized + 'static {
    const KIND: Kind;
    /// A container kind: allocated with a `GcHead` and tracked by the cycle collector.
    const GC: bool = false;
    /// Calls `visit` on every `Value` the payload holds (the cycle collector's view).
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

impl Header {
    #[inline(always)]
    pub fn incref(&self) {
        self.refcnt.set(self.refcnt.get().wrapping_add(1));
    }
    /// Decrements; true when the count reached zero and the object must be freed.
    #[inline(always)]
    pub fn decref(&self) -> bool {
        let n = self.refcnt.get() - 1;
        self.refcnt.set(n);
        n == 0
    }
    pub fn refcnt(&self) -> u32 {
        self.refcnt.get()
    }
    pub fn flags(&self) -> u8 {
        self.flags.get()
    }
    pub fn set_flag(&self, f: u8) {
        self.flags.set(self.flags.get() | f);
    }
    pub fn clear_flag(&self, f: u8) {
        self.flags.set(self.flags.get() & !f);
    }
    /// The type object (borrowed; the header holds the count).
    #[inline(always)]
    pub fn ty(&self) -> &Value {
        // SAFETY: `ty` always holds a counted, non-null pointer once the object is built;
        // `Value` is a transparent word, so a pointer to the field is a valid `&Value`.
        unsafe { &*(self.ty.as_ptr() as *const Value) }
    }
    /// Replaces the type (`__class__` assignment).
    pub fn set_ty(&self, ty: Value) {
        let old = self.ty.replace(ty.into_raw() as *const Header);
        // SAFETY: the old pointer was a counted reference owned by this header.
        drop(unsafe { Value::from_raw(old as usize) });
    }
}

/// Allocates an object of type `ty` holding `data`.
#[inline]
pub fn alloc<T: Payload>(ty: &Value, data: T) -> Value {
    let header = Header {
        refcnt: Cell::new(1),
        kind: T::KIND,
        flags: Cell::new(if T::GC { FLAG_GC } else { 0 }),
        _pad: [0; 2],
        ty: Cell::new(ty.clone().into_raw() as *const Header),
    };
    if T::GC {
        const { assert!(std::mem::offset_of!(GcObj<T>, obj) == GC_PREFIX) };
        let p = Box::into_raw(Box::new(GcObj { gc: GcHead::new(), obj: Obj { header, data } }));
        // SAFETY: `p` is a fresh, live allocation; the field pointers stay inside it.
        let (g, h) = unsafe { (&*std::ptr::addr_of!((*p).gc), std::ptr::addr_of_mut!((*p).obj)) };
        gc_track_new(g);
        // SAFETY: `h` points into the live allocation `p`, never null.
        return Value::from_owned_ptr(unsafe { NonNull::new_unchecked(h) }.cast());
    }
    let b = Box::new(Obj { header, data });
    Value::from_owned_ptr(NonNull::from(Box::leak(b)).cast())
}

/// Freed `float` objects kept for reuse, linked through their payload (CPython keeps a
/// float free list too): float-heavy loops allocate and free one object per operation.
/// Shared by all threads, touched only with the GIL held.
struct FloatFreeList {
    head: Cell<*mut Obj<crate::objects::float::PyFloat>>,
    len: Cell<u32>,
}
static FLOAT_FREE: super::gil::GilStatic<FloatFreeList> =
    super::gil::GilStatic::new(FloatFreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) });
const FLOAT_FREE_MAX: u32 = 256;

/// A new `float` object of type `ty` (`float` itself), from the free list when it has one.
#[inline]
pub fn alloc_float(ty: &Value, f: f64) -> Value {
    let p = FLOAT_FREE.head.get();
    if p.is_null() {
        return alloc(ty, crate::objects::float::PyFloat(f));
    }
    // SAFETY: the free list holds only `Obj<PyFloat>` allocations made by `alloc` whose
    // objects were freed (no references remain); the payload of each holds the next link.
    // Writing a whole new object into the block makes it live again, owned by the result.
    unsafe {
        let next = (*p).data.0.to_bits() as usize as *mut Obj<crate::objects::float::PyFloat>;
        FLOAT_FREE.head.set(next);
        FLOAT_FREE.len.set(FLOAT_FREE.len.get() - 1);
        p.write(Obj {
            header: Header {
                refcnt: Cell::new(1),
                kind: Kind::Float,
                flags: Cell::new(0),
                _pad: [0; 2],
                ty: Cell::new(ty.clone().into_raw() as *const Header),
            },
            data: crate::objects::float::PyFloat(f),
        });
        Value::from_owned_ptr(NonNull::new_unchecked(p).cast())
    }
}

/// Allocates an object whose type is itself (only `type` at bootstrap) or is set later.
pub(crate) fn alloc_untyped<T: Payload>(data: T) -> Value {
    let b = Box::new(Obj {
        header: Header {
            refcnt: Cell::new(1),
            kind: T::KIND,
            flags: Cell::new(FLAG_IMMORTAL),
            _pad: [0; 2],
            ty: Cell::new(std::ptr::null()),
        },
        data,
    });
    Value::from_owned_ptr(NonNull::from(Box::leak(b)).cast())
}

/// Sets the type of an object built by `alloc_untyped`.
pub(crate) fn init_type(v: &Value, ty: &Value) {
    if let Some(h) = v.header() {
        debug_assert!(h.ty.get().is_null());
        h.ty.set(ty.clone().into_raw() as *const Header);
    }
}

/// Marks an object as never freed (builtin types and singletons).
pub fn make_immortal(v: &Value) {
    gc_untrack(v);
    if let Some(h) = v.header() {
        h.set_flag(FLAG_IMMORTAL);
        h.refcnt.set(h.refcnt.get().saturating_add(1 << 30));
    }
}

/// The payload of `v` for in-place mutation, when `v` is the only reference to a mortal
/// object of kind `T` (`s += t` on an unshared str).
pub fn unique_payload_mut<T: Payload>(v: &mut Value) -> Option<&mut T> {
    let h = v.header()?;
    if h.kind != T::KIND || h.refcnt() != 1 || h.flags() & FLAG_IMMORTAL != 0 {
        return None;
    }
    let p = v.bits() as *mut Obj<T>;
    // SAFETY: the kind tag says this is an `Obj<T>`; a count of one means `v` is the only
    // reference, and `&mut v` rules out other borrows made through it, so no other reference
    // to the payload exists for the returned lifetime.
    Some(unsafe { &mut (*p).data })
}

/// Reasons for the interpreter to leave its fast path at the next instruction boundary.
pub static EVAL_BREAKER: AtomicU32 = AtomicU32::new(0);
pub const BREAK_FINALIZERS: u32 = 1;
pub const BREAK_SIGNAL: u32 = 2;
/// Another thread has waited a switch interval for the GIL: hand it over.
pub const BREAK_GIL_DROP: u32 = 4;
/// Sticky while a trace or profile function is installed (`vm::trace`).
pub const BREAK_TRACE: u32 = 8;
/// Generation 0 passed its threshold: the interpreter runs the cycle collector.
pub const BREAK_GC: u32 = 64;
/// Sticky under `--jit-stats`: every instruction takes the slow path, which counts it.
pub const BREAK_STATS: u32 = 128;

/// Objects whose last reference went while they had a `__del__` still to run: the
/// interpreter runs the finalizers at the next instruction boundary, then drops them.
/// Shared by all threads (whichever holds the GIL next runs them).
pub static PENDING_FINALIZERS: super::gil::GilStatic<RefCell<Vec<Value>>> =
    super::gil::GilStatic::new(RefCell::new(Vec::new()));

/// Does this object's type define `__del__`? Set by the type machinery.
pub static HAS_FINALIZER: std::sync::OnceLock<fn(&Value) -> bool> = std::sync::OnceLock::new();

macro_rules! kinds {
    ($($kind:ident => $ty:path $(: $gc:ident)?,)*) => {
        /// Which payload follows the header. `SmallInt` is never stored in a header.
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Kind { SmallInt, $($kind,)* }

        impl Kind {
            /// Every kind, in order (`ALL[k as usize] == k`): feedback bit sets iterate it.
            pub const ALL: &'static [Kind] = &[Kind::SmallInt, $(Kind::$kind,)*];
        }

        $(impl Payload for $ty {
            const KIND: Kind = Kind::$kind;
            const GC: bool = gc_kind!($($gc)?);
            fn trace(&self, visit: &mut dyn FnMut(&Value)) {
                crate::objects::Trace::trace(self, visit)
            }
        })*

        /// Calls `visit` on every `Value` the object's payload holds (the collector's view).
        pub fn trace_value(v: &Value, visit: &mut dyn FnMut(&Value)) {
            // The header's counted reference to a class (CPython's subtype_traverse visits
            // heap types), so instance <-> class cycles are found.
            if let Some(h) = v.header() {
                if !h.ty.get().is_null() && h.ty().header().is_some_and(|t| t.flags() & FLAG_IMMORTAL == 0) {
                    visit(h.ty());
                }
            }
            match v.kind() {
                Kind::SmallInt => {}
                $(Kind::$kind => {
                    if let Some(p) = v.payload::<$ty>() {
                        Payload::trace(p, visit);
                    }
                })*
            }
        }

        /// Frees an object whose count reached zero.
        ///
        /// # Safety
        /// `p` must point to a live object allocated by `alloc` with no remaining references.
        pub(crate) unsafe fn dealloc(p: NonNull<Header>) {
            // SAFETY: the caller guarantees `p` is live.
            let h = unsafe { p.as_ref() };
            if h.flags() & FLAG_IMMORTAL != 0 {
                h.refcnt.set(1 << 30);
                return;
            }
            // A plain float (no flags: not GC-tracked, no weakrefs) goes on the free list.
            if h.kind == Kind::Float && h.flags() == 0 && FLOAT_FREE.len.get() < FLOAT_FREE_MAX {
                let ty = h.ty.get();
                if !ty.is_null() {
                    // SAFETY: the header owned a count on its type.
                    drop(unsafe { Value::from_raw(ty as usize) });
                }
                let fp = p.as_ptr() as *mut Obj<crate::objects::float::PyFloat>;
                // SAFETY: the kind tag says this block is an `Obj<PyFloat>` from `alloc`
                // (floats are never GC-prefixed); it has no references left, so the list
                // may own it and reuse its payload as the link.
                unsafe { (*fp).data.0 = f64::from_bits(FLOAT_FREE.head.get() as usize as u64) };
                FLOAT_FREE.head.set(fp);
                FLOAT_FREE.len.set(FLOAT_FREE.len.get() + 1);
                return;
            }
            // Instances with `__del__`, and suspended generators (closed like CPython's
            // gen_dealloc does), are finalized by the interpreter first.
            if (h.kind == Kind::Instance || h.kind == Kind::Generator) && h.flags() & FLAG_FINALIZED == 0 {
                // SAFETY: a count of one is handed to the pending list (resurrection).
                let v = Value::from_header(h);
                if HAS_FINALIZER.get().is_some_and(|f| f(&v)) {
                    h.set_flag(FLAG_FINALIZED);
                    // from_header added one count (1 total): the pending list owns it.
                    match PENDING_FINALIZERS.try_borrow_mut() {
                        Ok(mut q) => q.push(v),
                        Err(_) => std::mem::forget(v),
                    }
                    EVAL_BREAKER.fetch_or(BREAK_FINALIZERS, Ordering::Relaxed);
                    return;
                }
                std::mem::forget(v);
                h.refcnt.set(0);
            }
            if h.flags() & FLAG_WEAKREFS != 0 {
                weak_clear(h);
            }
            let ty = h.ty.get();
            let gc = h.flags() & FLAG_GC != 0;
            if gc {
                gc_untrack_dying(h);
            }
            match h.kind {
                Kind::SmallInt => {}
                $(Kind::$kind => {
                    if <$ty as Payload>::GC && gc {
                        // SAFETY: `FLAG_GC` says `alloc` made this a `GcObj<T>` whose `obj`
                        // field starts `GC_PREFIX` bytes into the allocation.
                        drop(unsafe { Box::from_raw((p.as_ptr() as *mut u8).sub(GC_PREFIX) as *mut GcObj<$ty>) })
                    } else {
                        // SAFETY: the kind tag says which `Obj<T>` this allocation is.
                        drop(unsafe { Box::from_raw(p.as_ptr() as *mut Obj<$ty>) })
                    }
                })*
            }
            if !ty.is_null() {
                // SAFETY: the header owned a count on its type.
                drop(unsafe { Value::from_raw(ty as usize) });
            }
        }
    };
}

macro_rules! gc_kind {
    (gc) => {
        true
    };
    () => {
        false
    };
}

use crate::objects as o;
kinds! {
    None => o::singletons::PyNone,
    NotImplemented => o::singletons::PyNotImplemented,
    Ellipsis => o::singletons::PyEllipsis,
    Bool => o::int::PyBool,
    Int => o::int::PyInt,
    Float => o::float::PyFloat,
    Complex => o::complex::PyComplex,
    Str => o::str::PyStr,
    Bytes => o::bytes::PyBytes,
    ByteArray => o::bytes::PyByteArray,
    List => o::list::PyList: gc,
    Tuple => o::tuple::PyTuple: gc,
    Dict => o::dict::PyDict: gc,
    DictView => o::dict::PyDictView: gc,
    Set => o::set::PySet: gc,
    FrozenSet => o::set::PyFrozenSet: gc,
    Range => o::range::PyRange,
    Slice => o::slice::PySlice: gc,
    Function => o::function::PyFunction: gc,
    BoundMethod => o::function::PyBoundMethod: gc,
    Builtin => o::builtin_func::PyBuiltin: gc,
    Type => o::type_::PyType: gc,
    Instance => o::instance::Instance: gc,
    Module => o::module::PyModule: gc,
    Cell => o::cell::PyCell: gc,
    Code => crate::bytecode::code::Code,
    Generator => o::generator::PyGenerator: gc,
    NativeIter => o::iter::PyNativeIter: gc,
    Exception => o::exception::PyException: gc,
    Property => o::descr::PyProperty: gc,
    StaticMethod => o::descr::PyStaticMethod: gc,
    ClassMethod => o::descr::PyClassMethod: gc,
    Super => o::descr::PySuper: gc,
    GetSet => o::descr::PyGetSet: gc,
    MemberDescr => o::descr::PyMemberDescr: gc,
    Frame => o::frame::PyFrameObj: gc,
    Traceback => o::frame::PyTraceback: gc,
    File => o::file::PyFile,
    Lock => o::lock::PyLock,
    WeakRef => o::weakref::PyWeakRef: gc,
    Native => o::native::PyNative: gc,
}

// ---- Cycle collector support: generation lists of container objects ----

/// Link words in front of every container object: the generation list it is on, or null
/// links when untracked. While a collection runs, `prev` holds the object's index.
#[repr(C)]
pub struct GcHead {
    next: Cell<*const GcHead>,
    prev: Cell<*const GcHead>,
}

impl GcHead {
    const fn new() -> GcHead {
        GcHead { next: Cell::new(std::ptr::null()), prev: Cell::new(std::ptr::null()) }
    }
}

#[repr(C)]
struct GcObj<T> {
    gc: GcHead,
    obj: Obj<T>,
}

const GC_PREFIX: usize = std::mem::size_of::<GcHead>();

/// The young, middle and old generations, then the permanent one (`gc.freeze()`).
pub const GC_LISTS: usize = 4;
pub const GC_PERMANENT: usize = 3;

struct GcLists([GcHead; GC_LISTS]);
// SAFETY: the lists are only touched by the thread holding the GIL (see `gil.rs`).
unsafe impl Sync for GcLists {}
static GC_GENS: GcLists = GcLists([const { GcHead::new() }; GC_LISTS]);

/// Generation 0's count: container allocations minus frees since its last collection.
pub static GC_COUNT: AtomicU32 = AtomicU32::new(0);
/// `GC_COUNT` above this requests a collection (`u32::MAX` while disabled or at start-up).
pub static GC_TRIGGER: AtomicU32 = AtomicU32::new(u32::MAX);

fn list_head(g_n: usize) -> &'static GcHead {
    let head = &GC_GENS.0[g_n.min(GC_LISTS - 1)];
    if head.next.get().is_null() {
        head.next.set(head);
        head.prev.set(head);
    }
    head
}

fn link(head: &GcHead, g: &GcHead) {
    let last = head.prev.get();
    g.prev.set(last);
    g.next.set(head);
    // SAFETY: list members and the sentinel are live (members unlink before being freed).
    unsafe { (*last).next.set(g) };
    head.prev.set(g);
}

fn unlink(g: &GcHead) {
    let (n, p) = (g.next.get(), g.prev.get());
    // SAFETY: a linked head's neighbours are live list members or the sentinel.
    unsafe {
        (*p).next.set(n);
        (*n).prev.set(p);
    }
    g.next.set(std::ptr::null());
    g.prev.set(std::ptr::null());
}

fn gc_head(h: &Header) -> Option<&GcHead> {
    if h.flags() & FLAG_GC == 0 {
        return None;
    }
    // SAFETY: `FLAG_GC` is only set by `alloc`, which puts a `GcHead` right before the header.
    Some(unsafe { &*((h as *const Header as *const u8).sub(GC_PREFIX) as *const GcHead) })
}

fn header_of(g: *const GcHead) -> &'static Header {
    // SAFETY: list members are `GcObj`s whose header follows the link words; they stay
    // live while linked.
    unsafe { &*((g as *const u8).add(GC_PREFIX) as *const Header) }
}

#[inline(always)]
fn gc_track_new(g: &GcHead) {
    link(list_head(0), g);
    let c = GC_COUNT.load(Ordering::Relaxed).wrapping_add(1);
    GC_COUNT.store(c, Ordering::Relaxed);
    if c > GC_TRIGGER.load(Ordering::Relaxed) {
        EVAL_BREAKER.fetch_or(BREAK_GC, Ordering::Relaxed);
    }
}

fn gc_untrack_dying(h: &Header) {
    if let Some(g) = gc_head(h) {
        if !g.next.get().is_null() {
            unlink(g);
        }
    }
    let c = GC_COUNT.load(Ordering::Relaxed);
    if c > 0 {
        GC_COUNT.store(c - 1, Ordering::Relaxed);
    }
}

/// Is `v` a container the collector can track (allocated with link words)?
pub fn gc_is_container(v: &Value) -> bool {
    v.header().is_some_and(|h| h.flags() & FLAG_GC != 0)
}

/// Is `v` on a generation list (or in the collection running now)?
pub fn gc_is_tracked(v: &Value) -> bool {
    v.header().and_then(gc_head).is_some_and(|g| !g.next.get().is_null() || header_of(g).flags() & FLAG_COLLECTING != 0)
}

/// Puts an untracked container back on generation 0.
pub fn gc_track(v: &Value) {
    if let Some(h) = v.header() {
        if let Some(g) = gc_head(h) {
            if g.next.get().is_null() && h.flags() & (FLAG_COLLECTING | FLAG_IMMORTAL) == 0 {
                link(list_head(0), g);
            }
        }
    }
}

/// Takes a container off its generation list (immutable objects that cannot form cycles).
pub fn gc_untrack(v: &Value) {
    if let Some(h) = v.header() {
        if let Some(g) = gc_head(h) {
            if !g.next.get().is_null() {
                unlink(g);
            }
        }
    }
}

/// Number of objects on generation list `g_n`.
pub fn gc_len(g_n: usize) -> usize {
    let head = list_head(g_n);
    let mut n = 0;
    let mut g = head.next.get();
    while g != head as *const GcHead {
        n += 1;
        // SAFETY: list members are live.
        g = unsafe { (*g).next.get() };
    }
    n
}

/// New references to every object on generation list `g_n`.
pub fn gc_objects(g_n: usize) -> Vec<Value> {
    let head = list_head(g_n);
    let mut out = Vec::new();
    let mut g = head.next.get();
    while g != head as *const GcHead {
        out.push(Value::from_header(header_of(g)));
        // SAFETY: list members are live.
        g = unsafe { (*g).next.get() };
    }
    out
}

/// Moves every object of list `from` to the end of list `to` (collections, freeze).
pub fn gc_merge(from: usize, to: usize) {
    if from == to {
        return;
    }
    let (f, t) = (list_head(from), list_head(to));
    if f.next.get() == f as *const GcHead {
        return;
    }
    let (first, last) = (f.next.get(), f.prev.get());
    let tail = t.prev.get();
    // SAFETY: all pointers are members of the two lists or their sentinels, all live.
    unsafe {
        (*tail).next.set(first);
        (*first).prev.set(tail);
        (*last).next.set(t);
    }
    t.prev.set(last);
    f.next.set(f);
    f.prev.set(f);
}

/// Takes every object off lists `0..=upto` for a collection: each is marked collecting,
/// gets its position in the returned vector as index, and is held by a new reference.
pub fn gc_take(upto: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for g_n in 0..=upto.min(GC_LISTS - 1) {
        let head = list_head(g_n);
        let mut g = head.next.get();
        while g != head as *const GcHead {
            // SAFETY: list members are live.
            let gr = unsafe { &*g };
            let next = gr.next.get();
            let h = header_of(g);
            h.set_flag(FLAG_COLLECTING);
            gr.next.set(std::ptr::null());
            gr.prev.set(out.len() as *const GcHead);
            out.push(Value::from_header(h));
            g = next;
        }
        head.next.set(head);
        head.prev.set(head);
    }
    out
}

/// The index `gc_take` gave `v`, if it is part of the running collection.
#[inline]
pub fn gc_index(v: &Value) -> Option<usize> {
    let h = v.header()?;
    if h.flags() & FLAG_COLLECTING == 0 {
        return None;
    }
    gc_head(h).map(|g| g.prev.get() as usize)
}

/// Ends `v`'s part in a collection: back on list `dest`, or left untracked (`None`).
pub fn gc_release(v: &Value, dest: Option<usize>) {
    let Some(h) = v.header() else { return };
    let Some(g) = gc_head(h) else { return };
    if h.flags() & FLAG_COLLECTING == 0 {
        return;
    }
    h.clear_flag(FLAG_COLLECTING);
    g.prev.set(std::ptr::null());
    if let Some(d) = dest {
        link(list_head(d), g);
    }
}

// ---- Weak references: a side table keyed by the referent's address ----

/// Referent address → addresses of the weak reference objects pointing at it (uncounted;
/// each weak reference object removes itself when freed). Only objects flagged
/// `FLAG_WEAKREFS` have an entry, so freeing other objects never looks here.
static WEAK_TABLE: std::sync::Mutex<Option<std::collections::HashMap<usize, Vec<usize>>>> = std::sync::Mutex::new(None);

/// Called for each live weak reference object whose referent is being freed: it forgets
/// the referent and queues its callback. Set by the weakref module.
pub static WEAKREF_CLEARED: std::sync::OnceLock<fn(Value)> = std::sync::OnceLock::new();

fn weak_table<R>(f: impl FnOnce(&mut std::collections::HashMap<usize, Vec<usize>>) -> R) -> R {
    let mut g = WEAK_TABLE.lock().unwrap_or_else(|e| e.into_inner());
    f(g.get_or_insert_with(Default::default))
}

/// Records that the weak reference object at address `wr` points at `target`.
pub fn weak_register(target: &Value, wr: usize) {
    if let Some(h) = target.header() {
        h.set_flag(FLAG_WEAKREFS);
        weak_table(|t| t.entry(target.bits()).or_default().push(wr));
    }
}

/// Forgets the weak reference object at `wr` (it is being freed or was cleared).
pub fn weak_unregister(target: usize, wr: usize) {
    weak_table(|t| {
        if let Some(v) = t.get_mut(&target) {
            v.retain(|&a| a != wr);
            if v.is_empty() {
                t.remove(&target);
            }
        }
    });
}

fn revive(addr: usize) -> Option<Value> {
    // SAFETY: table entries are live weak reference objects (they unregister when freed);
    // one being freed right now has a count of zero and is skipped.
    let h = unsafe { &*(addr as *const Header) };
    if h.refcnt() == 0 { None } else { Some(Value::from_header(h)) }
}

/// The live weak reference objects pointing at `target`, oldest first.
pub fn weak_refs_to(target: &Value) -> Vec<Value> {
    if target.header().is_none_or(|h| h.flags() & FLAG_WEAKREFS == 0) {
        return Vec::new();
    }
    let addrs = weak_table(|t| t.get(&target.bits()).cloned().unwrap_or_default());
    addrs.into_iter().filter_map(revive).collect()
}

/// A new reference to the referent at `bits`, recorded by a weak reference that is still
/// registered (the referent clears its weak references before it is freed).
pub fn weak_upgrade(bits: usize) -> Option<Value> {
    if bits == 0 {
        return None;
    }
    // SAFETY: the caller's weak reference is registered, so the referent is live.
    let h = unsafe { &*(bits as *const Header) };
    if h.refcnt() == 0 { None } else { Some(Value::from_header(h)) }
}

/// Detaches every weak reference from `h` (it is being freed, or is cyclic garbage).
pub fn weak_clear_value(v: &Value) {
    if let Some(h) = v.header() {
        if h.flags() & FLAG_WEAKREFS != 0 {
            weak_clear(h);
        }
    }
}

fn weak_clear(h: &Header) {
    h.clear_flag(FLAG_WEAKREFS);
    let addrs = weak_table(|t| t.remove(&(h as *const Header as usize))).unwrap_or_default();
    let Some(cb) = WEAKREF_CLEARED.get() else { return };
    for a in addrs {
        if let Some(wr) = revive(a) {
            cb(wr);
        }
    }
}
