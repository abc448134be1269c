//! Instances of user classes: a `__dict__`, `__slots__` storage, and for subclasses of
//! builtin types without a dict of their own (`class L(list)`) the builtin value wrapped.

use std::cell::RefCell;

use crate::objects::Trace;
use crate::values::Value;

pub struct Instance {
    /// The instance `__dict__` (a dict object), absent for slotted classes.
    pub dict: RefCell<Option<Value>>,
    /// Values of `__slots__` entries, in the order the class hierarchy lays them out.
    pub slots: Box<[RefCell<Option<Value>>]>,
    /// The builtin value this instance extends (list, dict, int, str...), if any.
    pub base: Option<Value>,
}
impl Trace for Instance {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
        for s in self.slots.iter() {
            if let Some(v) = &*s.borrow() {
                visit(v);
            }
        }
        if let Some(b) = &self.base {
            visit(b);
        }
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
