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

use std::ptr::NonNull;

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

/// The interpreter loop's handle on the frame it is running: the address of the boxed
/// `Frame` on top of `Vm::frames`, taken once per frame switch so an instruction reaches
/// its frame without the `frames` Vec load, length check and bounds check of
/// `frames.last_mut()`. A `Box`'s heap block never moves while the box lives (growing
/// `Vm::frames`, moving the box into a generator and back keep the address), so the
/// pointer stays valid as long as the frame is not dropped or pooled.
///
/// The loop (`vm::interp::exec_inner`, its only user) keeps the rules `get` relies on:
/// it takes a new `FramePtr` whenever the frame on top changes (a call pushed one, a
/// return popped one, an error left to be unwound), and it never keeps a reference from
/// `get` across a call into the `Vm` (which may read or write the frame through
/// `Vm::frames`, e.g. a trace function setting `f_lineno`); it asks `get` again after.
/// The JIT's compiled code will hold the same pointer under the same rules.
#[derive(Clone, Copy)]
pub struct FramePtr(NonNull<Frame>);

impl FramePtr {
    /// The top frame of `frames`, if there is one.
    #[inline(always)]
    pub fn top(frames: &mut [Box<Frame>]) -> Option<FramePtr> {
        frames.last_mut().map(|b| FramePtr(NonNull::from(&mut **b)))
    }

    /// Is this the frame held by `b`? (Debug checks of the loop's rules.)
    pub fn is(self, b: &Frame) -> bool {
        std::ptr::eq(self.0.as_ptr(), b)
    }

    /// The frame, for the span of one instruction's work on it (see the type's docs).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get<'a>(self) -> &'a mut Frame {
        // SAFETY: the pointer came from a live `Box<Frame>` on `Vm::frames` (`top`) and the
        // loop re-takes it before that box can be popped, dropped or pooled, so it points
        // to a valid, initialised `Frame`. No other reference to the frame is in use while
        // the returned one is: the loop drops it before any call back into the `Vm` (the
        // only code that reaches the frame another way) and asks again afterwards.
        unsafe { &mut *self.0.as_ptr() }
    }
}

impl Frame {
    /// Points a pooled frame (unbound `fast`, empty `stack`) at a new activation. The same
    /// code/globals/builtins as last time (recursion, a loop calling one function) cost
    /// no reference-count traffic.
    #[inline(always)]
    pub fn rebind(&mut self, code: &Value, globals: &Value, builtins: &Value) {
        if !self.code.is(code) {
            self.code = code.clone();
        }
        if !self.globals.is(globals) {
            self.globals = globals.clone();
        }
        if !self.builtins.is(builtins) {
            self.builtins = builtins.clone();
        }
        self.pc = 0;
        self.lasti = 0;
        self.entry = false;
    }
}
