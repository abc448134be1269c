//! Frame objects (`sys._getframe`, `tb_frame`) and traceback objects.

use std::cell::{Cell, RefCell};

use crate::objects::Trace;
use crate::values::Value;

/// A frame as Python code sees it: a snapshot of an interpreter frame's identity.
pub struct PyFrameObj {
    pub code: Value,
    pub globals: Value,
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    pub back: RefCell<Option<Value>>,
    pub locals: RefCell<Option<Value>>,
}
impl Trace for PyFrameObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        if let Some(b) = &*self.back.borrow() {
            visit(b);
        }
    }
}

pub struct PyTraceback {
    pub frame: Value,
    pub lasti: u32,
    pub lineno: u32,
    pub next: RefCell<Option<Value>>,
}
impl Trace for PyTraceback {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        if let Some(n) = &*self.next.borrow() {
            visit(n);
        }
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
