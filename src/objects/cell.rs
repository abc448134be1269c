//! Cells: the boxes closures share variables through.

use std::cell::RefCell;

use crate::objects::Trace;
use crate::values::Value;

pub struct PyCell(pub RefCell<Option<Value>>);
impl Trace for PyCell {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &*self.0.borrow() {
            visit(v);
        }
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
