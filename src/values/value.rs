//! `Value`: one machine word, either a tagged small int or an owned pointer to a heap object.
//!
//! Tagging (low bit of the word):
//! ```text
//!   ...iiiiiii1   small int, value = (word as i64) >> 1, range [-2^62, 2^62)
//!   ...ppppp000   pointer to a `Header` (8-aligned, never null)
//! ```
//! `Value` is an owned reference: `Clone` increments the object's count, `Drop` decrements
//! it and frees the object at zero. The word is never zero, so `Option<Value>` is one word
//! too (`None` = an unbound local, CPython's NULL).

use std::fmt;
use std::mem::ManuallyDrop;
use std::num::NonZeroUsize;
use std::ptr::NonNull;

use super::layout::{self, Header, Kind, Obj, Payload};

#[repr(transparent)]
pub struct Value(NonZeroUsize);

/// Smallest int that fits inline.
pub const SMALL_MIN: i64 = -(1 << 62);
/// Largest int that fits inline.
pub const SMALL_MAX: i64 = (1 << 62) - 1;

impl Value {
    /// An inline int; the caller guarantees `SMALL_MIN <= i <= SMALL_MAX`.
    #[inline(always)]
    pub fn small(i: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&i));
        // The tag bit makes the word odd, hence non-zero.
        Value(NonZeroUsize::new(((i << 1) | 1) as usize).unwrap_or(NonZeroUsize::MIN))
    }

    /// An inline int if `i` fits, `None` otherwise.
    #[inline(always)]
    pub fn try_small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) { Some(Value::small(i)) } else { None }
    }

    #[inline(always)]
    pub fn is_small(&self) -> bool {
        self.0.get() & 1 == 1
    }

    /// The inline int, if this is one.
    #[inline(always)]
    pub fn as_small(&self) -> Option<i64> {
        if self.is_small() { Some((self.0.get() as i64) >> 1) } else { None }
    }

    /// The heap header, if this is a pointer.
    #[inline(always)]
    pub fn header(&self) -> Option<&Header> {
        if self.is_small() {
            None
        } else {
            // SAFETY: a non-small value is a live pointer to a Header that we hold a count on.
            Some(unsafe { &*(self.0.get() as *const Header) })
        }
    }

    /// The payload kind (`Kind::SmallInt` for inline ints).
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        match self.header() {
            Some(h) => h.kind,
            None => Kind::SmallInt,
        }
    }

    /// Identity: the `is` operator.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// The raw word (for `id()`, hashing by identity and the JIT boundary).
    #[inline(always)]
    pub fn bits(&self) -> usize {
        self.0.get()
    }

    /// Gives up ownership and returns the raw word; pair with `from_raw`.
    #[inline(always)]
    pub fn into_raw(self) -> usize {
        ManuallyDrop::new(self).0.get()
    }

    /// Takes ownership of a raw word made by `into_raw`.
    ///
    /// # Safety
    /// `bits` must come from `into_raw` (or be an owned count) and be used once.
    #[inline(always)]
    pub unsafe fn from_raw(bits: usize) -> Value {
        debug_assert!(bits != 0);
        // SAFETY: the caller passes a word produced by `into_raw`, which is never zero.
        Value(unsafe { NonZeroUsize::new_unchecked(bits) })
    }

    /// A new reference to the object behind `h`.
    pub fn from_header(h: &Header) -> Value {
        h.incref();
        Value(NonZeroUsize::new(h as *const Header as usize).unwrap_or(NonZeroUsize::MIN))
    }

    /// Takes ownership of a pointer that already carries a count.
    pub(in crate::values) fn from_owned_ptr(p: NonNull<Header>) -> Value {
        Value(NonZeroUsize::new(p.as_ptr() as usize).unwrap_or(NonZeroUsize::MIN))
    }

    /// The payload, if this object's kind is exactly `T` (no subclass delegation).
    #[inline(always)]
    pub fn payload<T: Payload>(&self) -> Option<&T> {
        let h = self.header()?;
        if h.kind == T::KIND {
            // SAFETY: the kind tag says the object was allocated as `Obj<T>`.
            Some(unsafe { &(*(h as *const Header as *const Obj<T>)).data })
        } else {
            None
        }
    }

    /// The payload of kind `T`, looking through an instance of a user subclass of a builtin
    /// type to the builtin value it wraps (`class L(list)` → its list).
    #[inline]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        let h = self.header()?;
        if h.kind == T::KIND {
            // SAFETY: the kind tag says the object was allocated as `Obj<T>`.
            return Some(unsafe { &(*(h as *const Header as *const Obj<T>)).data });
        }
        if h.kind == Kind::Instance {
            let inst = self.payload::<crate::objects::instance::Instance>()?;
            let base = inst.base.as_ref()?;
            return base.downcast::<T>();
        }
        None
    }

    /// The object's Python type (a type object).
    #[inline]
    pub fn type_of(&self) -> &Value {
        match self.header() {
            Some(h) => h.ty(),
            None => &crate::objects::types().int,
        }
    }

    /// The current reference count (inline ints report a large constant, like immortals).
    pub fn refcount(&self) -> usize {
        match self.header() {
            Some(h) => h.refcnt() as usize,
            None => 1 << 30,
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(h) = self.header() {
            h.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(h) = self.header() {
            if h.decref() {
                // SAFETY: the count just reached zero: this was the last reference.
                unsafe { layout::dealloc(NonNull::from(h)) };
            }
        }
    }
}

impl PartialEq for Value {
    /// Identity, not Python equality (use the VM for `==`).
    fn eq(&self, other: &Value) -> bool {
        self.is(other)
    }
}
impl Eq for Value {}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_small() {
            Some(i) => write!(f, "{i}"),
            None => write!(f, "<{:?} object at {:#x}>", self.kind(), self.bits()),
        }
    }
}
