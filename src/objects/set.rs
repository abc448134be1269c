//! `set` and `frozenset`: hash tables of keys (the dict table without values).

use std::cell::RefCell;

use crate::objects::Trace;
use crate::objects::dict::PyDict;
use crate::values::Value;

/// A set reuses the dict table with `None` values; iteration order follows insertion.
pub struct PySet(pub PyDict);
impl Trace for PySet {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.trace(visit)
    }
}

pub struct PyFrozenSet(pub PyDict);
impl Trace for PyFrozenSet {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.trace(visit)
    }
}

#[allow(dead_code)]
type Unused = RefCell<()>;

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
