//! Exception instances (`BaseException` and every subclass, builtin or user-defined).

use std::cell::{Cell, RefCell};

use crate::objects::Trace;
use crate::values::Value;

pub struct PyException {
    /// `args` (a tuple).
    pub args: RefCell<Value>,
    pub traceback: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// The instance `__dict__` (exceptions accept arbitrary attributes).
    pub dict: RefCell<Option<Value>>,
}
impl Trace for PyException {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args.borrow());
        for f in [&self.traceback, &self.cause, &self.context, &self.dict] {
            if let Some(v) = &*f.borrow() {
                visit(v);
            }
        }
    }
}

/// `str(exc)` as CPython prints it after the type name (never fails).
pub fn exc_str(vm: &mut crate::vm::Vm, exc: &Value) -> String {
    match vm.str(exc) {
        Ok(s) => s.as_str().unwrap_or("").to_owned(),
        Err(_) => "<exception str() failed>".to_owned(),
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
