//! `None`, `NotImplemented`, `Ellipsis`, `True` and `False`: immortal singletons.

use crate::objects::Trace;
use crate::values::Value;

pub struct PyNone;
pub struct PyNotImplemented;
pub struct PyEllipsis;
impl Trace for PyNone {}
impl Trace for PyNotImplemented {}
impl Trace for PyEllipsis {}

#[inline(always)]
pub fn none() -> Value {
    super::registry::singletons().none.clone()
}
#[inline(always)]
pub fn true_() -> Value {
    super::registry::singletons().true_.clone()
}
#[inline(always)]
pub fn false_() -> Value {
    super::registry::singletons().false_.clone()
}
#[inline(always)]
pub fn py_bool(b: bool) -> Value {
    if b { true_() } else { false_() }
}
pub fn not_implemented() -> Value {
    super::registry::singletons().not_implemented.clone()
}
pub fn ellipsis() -> Value {
    super::registry::singletons().ellipsis.clone()
}

impl Value {
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.is(&super::registry::singletons().none)
    }
    #[inline(always)]
    pub fn is_true_singleton(&self) -> bool {
        self.is(&super::registry::singletons().true_)
    }
    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.is(&super::registry::singletons().not_implemented)
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
