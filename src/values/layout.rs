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

/// A payload type stored after a `Header`.
pub trait Payload: Sized + 'static {
    const KIND: Kind;
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
pub fn alloc<T: Payload>(ty: &Value, data: T) -> Value {
    let b = Box::new(Obj {
        header: Header {
            refcnt: Cell::new(1),
            kind: T::KIND,
            flags: Cell::new(0),
            _pad: [0; 2],
            ty: Cell::new(ty.clone().into_raw() as *const Header),
        },
        data,
    });
    Value::from_owned_ptr(NonNull::from(Box::leak(b)).cast())
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

/// `v.push(x)` that always inlines (the interpreter's value-stack push; `Vec::push` is
/// left out of line in the big dispatch function). Grows through a cold call when full.
#[inline(always)]
pub fn vec_push(v: &mut Vec<Value>, x: Value) {
    let len = v.len();
    if len == v.capacity() {
        vec_grow(v);
    }
    if len < v.capacity() {
        // SAFETY: `len < capacity`, so slot `len` is allocated and uninitialised; writing
        // it and bumping the length by one keeps every slot below the length initialised.
        unsafe {
            v.as_mut_ptr().add(len).write(x);
            v.set_len(len + 1);
        }
    }
}

#[cold]
#[inline(never)]
fn vec_grow(v: &mut Vec<Value>) {
    v.reserve(8);
}

/// Reasons for the interpreter to leave its fast path at the next instruction boundary.
pub static EVAL_BREAKER: AtomicU32 = AtomicU32::new(0);
pub const BREAK_FINALIZERS: u32 = 1;
pub const BREAK_SIGNAL: u32 = 2;
/// Another thread has waited a switch interval for the GIL: hand it over.
pub const BREAK_GIL_DROP: u32 = 4;
/// Sticky while a trace or profile function is installed (`vm::trace`).
pub const BREAK_TRACE: u32 = 8;

/// Objects whose last reference went while they had a `__del__` still to run: the
/// interpreter runs the finalizers at the next instruction boundary, then drops them.
/// Shared by all threads (whichever holds the GIL next runs them).
pub static PENDING_FINALIZERS: super::gil::GilStatic<RefCell<Vec<Value>>> =
    super::gil::GilStatic::new(RefCell::new(Vec::new()));

/// Does this object's type define `__del__`? Set by the type machinery.
pub static HAS_FINALIZER: std::sync::OnceLock<fn(&Value) -> bool> = std::sync::OnceLock::new();

macro_rules! kinds {
    ($($kind:ident => $ty:path,)*) => {
        /// Which payload follows the header. `SmallInt` is never stored in a header.
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Kind { SmallInt, $($kind,)* }

        $(impl Payload for $ty {
            const KIND: Kind = Kind::$kind;
            fn trace(&self, visit: &mut dyn FnMut(&Value)) {
                crate::objects::Trace::trace(self, visit)
            }
        })*

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
            let ty = h.ty.get();
            match h.kind {
                Kind::SmallInt => {}
                // SAFETY: the kind tag says which `Obj<T>` this allocation is.
                $(Kind::$kind => drop(unsafe { Box::from_raw(p.as_ptr() as *mut Obj<$ty>) }),)*
            }
            if !ty.is_null() {
                // SAFETY: the header owned a count on its type.
                drop(unsafe { Value::from_raw(ty as usize) });
            }
        }
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
    List => o::list::PyList,
    Tuple => o::tuple::PyTuple,
    Dict => o::dict::PyDict,
    DictView => o::dict::PyDictView,
    Set => o::set::PySet,
    FrozenSet => o::set::PyFrozenSet,
    Range => o::range::PyRange,
    Slice => o::slice::PySlice,
    Function => o::function::PyFunction,
    BoundMethod => o::function::PyBoundMethod,
    Builtin => o::builtin_func::PyBuiltin,
    Type => o::type_::PyType,
    Instance => o::instance::Instance,
    Module => o::module::PyModule,
    Cell => o::cell::PyCell,
    Code => crate::bytecode::code::Code,
    Generator => o::generator::PyGenerator,
    NativeIter => o::iter::PyNativeIter,
    Exception => o::exception::PyException,
    Property => o::descr::PyProperty,
    StaticMethod => o::descr::PyStaticMethod,
    ClassMethod => o::descr::PyClassMethod,
    Super => o::descr::PySuper,
    GetSet => o::descr::PyGetSet,
    MemberDescr => o::descr::PyMemberDescr,
    Frame => o::frame::PyFrameObj,
    Traceback => o::frame::PyTraceback,
    File => o::file::PyFile,
    Lock => o::lock::PyLock,
}
