//! `tuple`: an immutable sequence of values.

use crate::objects::{Trace, types};
use crate::values::{Value, layout};

pub struct PyTuple(pub Box<[Value]>);
impl Trace for PyTuple {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.0.iter() {
            visit(v);
        }
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return super::registry::singletons().empty_tuple.clone();
    }
    layout::alloc(&types().tuple, PyTuple(items.into_boxed_slice()))
}

impl Value {
    /// The items, if this is a tuple (or a subclass instance).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        self.downcast::<PyTuple>().map(|t| &t.0[..])
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
