//! Descriptors: `property`, `staticmethod`, `classmethod`, and `super` objects.

use std::cell::RefCell;

use crate::objects::Trace;
use crate::values::Value;

pub struct PyProperty {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    pub doc: RefCell<Option<Value>>,
}
impl Trace for PyProperty {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [&self.fget, &self.fset, &self.fdel].into_iter().flatten() {
            visit(v);
        }
    }
}

pub struct PyStaticMethod(pub Value);
impl Trace for PyStaticMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

pub struct PyClassMethod(pub Value);
impl Trace for PyClassMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

pub struct PySuper {
    /// The class after which the MRO search starts.
    pub this_class: Value,
    /// The bound object (instance or class), if any.
    pub obj: Option<Value>,
    /// The type whose MRO is searched (type(obj), or obj itself for classes).
    pub obj_type: Option<Value>,
}
impl Trace for PySuper {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.this_class);
        for v in [&self.obj, &self.obj_type].into_iter().flatten() {
            visit(v);
        }
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
