//! Python functions (code + globals + defaults + closure) and bound methods.

use std::cell::RefCell;

use crate::objects::Trace;
use crate::values::Value;

pub struct PyFunction {
    /// The code object (`__code__`).
    pub code: RefCell<Value>,
    /// The module globals dict (`__globals__`).
    pub globals: Value,
    /// The builtins dict this function resolves builtins in.
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults (`__defaults__`), or None.
    pub defaults: RefCell<Option<Value>>,
    /// Dict of keyword-only defaults (`__kwdefaults__`), or None.
    pub kwdefaults: RefCell<Option<Value>>,
    /// Tuple of cells for the code's free variables (`__closure__`).
    pub closure: Option<Value>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
    /// The function's `__dict__`, created on first attribute store.
    pub dict: RefCell<Option<Value>>,
}
impl Trace for PyFunction {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.borrow());
        visit(&self.globals);
        if let Some(d) = &*self.defaults.borrow() {
            visit(d);
        }
        if let Some(d) = &*self.kwdefaults.borrow() {
            visit(d);
        }
        if let Some(c) = &self.closure {
            visit(c);
        }
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
    }
}

pub struct PyBoundMethod {
    pub func: Value,
    pub self_: Value,
}
impl Trace for PyBoundMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
