//! Generators: a suspended frame that `next`/`send`/`throw`/`close` resume.

use std::cell::{Cell, RefCell};

use crate::objects::Trace;
use crate::values::Value;
use crate::vm::frame::Frame;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct PyGenerator {
    /// The frame while suspended; taken out while running, `None` once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub code: Value,
}
impl Trace for PyGenerator {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &*self.frame.borrow() {
            f.trace(visit);
        }
    }
}

/// `next(gen)`: resumes the generator with None; `Ok(None)` when it finished.
pub fn gen_next(vm: &mut crate::vm::Vm, g: &Value) -> crate::vm::PyResult<Option<Value>> {
    match vm.gen_resume(g, crate::objects::none(), None)? {
        crate::vm::interp::Resume::Yield(v) => Ok(Some(v)),
        crate::vm::interp::Resume::Return(_) => Ok(None),
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    crate::vm::interp::init_generator_type();
}
