//! Interpreter frames: the explicit, heap-held activation records the loop runs.
//!
//! ```text
//!   Frame
//!   ├── code        the Code object (instructions, feedback, exception table)
//!   ├── pc          index of the next instruction to run
//!   ├── lasti       index of the instruction running now (tracebacks, f_lasti)
//!   ├── fast[]      localsplus: varnames, then cellvars (cells), then freevars (cells)
//!   ├── stack[]     the value stack (capacity = code.stacksize)
//!   ├── globals     module dict; builtins dict
//!   ├── locals      the locals dict for module and class bodies (LOAD_NAME), else None
//!   ├── func        the function object being run, if any
//!   └── entry       true for the frame a (re-)entry of the loop started with: returning
//!                   from it leaves `interp::run` instead of resuming the caller
//! ```
//! The back link is implicit: the frame below on `Vm::frames`. Compiled code (the JIT)
//! uses this same layout and writes `pc`, `fast` and `stack` back before leaving.

use crate::bytecode::code::Code;
use crate::values::Value;

pub struct Frame {
    pub code: Value,
    pub pc: u32,
    pub lasti: u32,
    pub fast: Vec<Option<Value>>,
    pub stack: Vec<Value>,
    pub globals: Value,
    pub builtins: Value,
    pub locals: Option<Value>,
    pub func: Option<Value>,
    pub entry: bool,
    /// The generator object running this frame, if it is a generator's.
    pub generator: Option<Value>,
    /// The Python frame object, once something asked for one (`sys._getframe`, tracebacks).
    pub frame_obj: Option<Value>,
    /// A suspended generator's handled exception (its `sys.exc_info()` slot), restored onto
    /// `Vm::handled` when it resumes.
    pub saved_exc: Option<Value>,
    /// For an `__init__` frame started by a class call in the loop: the new instance,
    /// which the call evaluates to when `__init__` returns None.
    pub init_self: Option<Value>,
}

impl Frame {
    /// The code object's payload.
    #[inline(always)]
    pub fn code(&self) -> &Code {
        match self.code.payload::<Code>() {
            Some(c) => c,
            None => unreachable!("frame without a code object"),
        }
    }
    pub fn line(&self) -> u32 {
        self.code().line_at(self.lasti as usize)
    }
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        for v in self.fast.iter().flatten() {
            visit(v);
        }
        for v in &self.stack {
            visit(v);
        }
        if let Some(l) = &self.locals {
            visit(l);
        }
    }
}

impl Frame {
    /// A frame for `code` (a code object value) with empty locals; the caller fills `fast`.
    pub fn new(code_v: Value, globals: Value, builtins: Value, locals: Option<Value>, func: Option<Value>) -> Frame {
        let (nfast, nstack) = match code_v.payload::<Code>() {
            Some(c) => (c.nlocalsplus(), c.stacksize as usize),
            None => (0, 0),
        };
        Frame {
            code: code_v,
            pc: 0,
            lasti: 0,
            fast: vec![None; nfast],
            stack: Vec::with_capacity(nstack + 1),
            globals,
            builtins,
            locals,
            func,
            entry: false,
            generator: None,
            frame_obj: None,
            saved_exc: None,
            init_self: None,
        }
    }
}
