//! Generators, coroutines and async generators: a suspended frame that
//! `next`/`send`/`throw`/`close` resume (CPython's PyGenObject and its two relatives, which
//! share its layout; the flavour picks the type and the wording of errors).

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

/// Which kind of object a generator-like frame is wrapped in (from its code's flags).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flavor {
    Generator,
    Coroutine,
    AsyncGen,
}

impl Flavor {
    /// How error messages name it ("coroutine already executing").
    pub fn noun(self) -> &'static str {
        match self {
            Flavor::Generator => "generator",
            Flavor::Coroutine => "coroutine",
            Flavor::AsyncGen => "async generator",
        }
    }
}

pub struct PyGenerator {
    /// The frame while suspended; taken out while running, `None` once finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    pub flavor: Flavor,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub code: Value,
    /// Async generators: an `asend`/`athrow` awaitable is driving it (`ag_running`).
    pub running_async: Cell<bool>,
    /// Async generators: `aclose()` started or it ran out (`athrow` then does nothing).
    pub closed: Cell<bool>,
    /// Async generators: the `firstiter` hook ran (on the first `__anext__`/`asend`/
    /// `athrow`), and the `finalizer` hook then current, called instead of closing it
    /// when it is dropped while suspended.
    pub hooks_inited: Cell<bool>,
    pub finalizer: RefCell<Option<Value>>,
    /// Coroutines: `cr_origin` (while origin tracking is on).
    pub origin: RefCell<Option<Value>>,
}
impl Trace for PyGenerator {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &*self.frame.borrow() {
            f.trace(visit);
        }
        if let Some(f) = &*self.finalizer.borrow() {
            visit(f);
        }
        if let Some(o) = &*self.origin.borrow() {
            visit(o);
        }
    }
}

/// A thread's async-generator hooks and coroutine origin tracking depth
/// (`sys.set_asyncgen_hooks`, `sys.set_coroutine_origin_tracking_depth`).
#[derive(Default)]
pub struct AsyncHooks {
    pub firstiter: Option<Value>,
    pub finalizer: Option<Value>,
    pub origin_depth: u32,
}

/// Is `v` a plain generator (an iterator), not a coroutine or async generator?
pub fn is_plain_generator(v: &Value) -> bool {
    v.payload::<PyGenerator>().is_some_and(|g| g.flavor == Flavor::Generator)
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
