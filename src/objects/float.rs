//! `float`: IEEE double, with CPython's shortest round-trip `repr`.

use crate::objects::{Trace, types};
use crate::values::{Value, layout};

pub struct PyFloat(pub f64);
impl Trace for PyFloat {}

pub fn new_float(f: f64) -> Value {
    layout::alloc(&types().float, PyFloat(f))
}

impl Value {
    /// The float value, if this is a `float` (or a subclass instance).
    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        self.downcast::<PyFloat>().map(|f| f.0)
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
