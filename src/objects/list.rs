//! `list`: a growable vector of values.

use std::cell::RefCell;

use crate::objects::{Trace, types};
use crate::values::{Value, layout};

pub struct PyList(pub RefCell<Vec<Value>>);
impl Trace for PyList {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.0.borrow().iter() {
            visit(v);
        }
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    layout::alloc(&types().list, PyList(RefCell::new(items)))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
