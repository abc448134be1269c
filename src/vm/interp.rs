//! The interpreter loop: runs frames instruction by instruction; Python calls push frames
//! here instead of recursing; exceptions unwind through the code's exception table.
//!
//! `run_frames` drives the top frame (pushed by the caller with `entry = true`) and every
//! frame it calls until that entry frame returns or yields. `exec` dispatches instructions
//! of the top frame; a Python-to-Python call pushes the callee's frame and continues in
//! the same `exec` loop, a return pops it and pushes the result on the caller's stack.
//!
//! Feedback (read by the JIT; types and layouts in `bytecode::feedback`): every
//! `BinaryOp`/`CompareOp`/`BinarySubscr`/`LoadAttr`/`LoadMethod`/`Call*`/`ForIter` adds the
//! kinds of its operands (for calls: of the callable; for `ForIter`: of the iterator) to the
//! `KindSet` in `Code::feedback[pc]`; `Resume` counts calls (`Code::calls`), `JumpBackward`
//! counts taken back edges in its feedback word; the name, global and attribute caches
//! live there and in `Code::attr_cache`.

mod asyncgen;
mod attr;
mod calls;
mod coroutines;
mod exceptions;
mod fastops;
mod frames;
mod generators;
mod imports;
mod names;
mod support;

pub(crate) use attr::{load_attr_cached, load_method_cached, mro_value, store_attr_cached};
pub use calls::format_func_name;
pub use coroutines::{builtin_aiter, builtin_anext};
pub use exceptions::{add_traceback, set_context};
use fastops::str_iadd;
pub(crate) use fastops::{fast_binop, fast_compare, fast_store_subscr, fast_subscr};
pub use frames::{frame_locals, frame_object_at, frame_object_linked};
pub use generators::Resume;
pub use imports::{
    NATIVE_MODULES, NativeModuleInit, bootstrap_dicts, frozen_code, install_importlib, main_loader, main_module_spec,
    native_init, native_names, register_native, run_main_spec,
};
pub(crate) use names::{load_global_cached, load_global_slow};
use names::{name_at, name_not_defined, unbound_deref, unbound_local};
pub use support::{exc_traceback, new_dict};

use std::cell::Cell;
use std::sync::atomic::Ordering;

use crate::bytecode::code::Code;
use crate::bytecode::feedback::KindSet;
use crate::bytecode::opcode::{BinOp, CmpOp, INPLACE, Op};
use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::int::new_int;
use crate::objects::list::{PyList, new_list};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::{none, py_bool, types};
use crate::values::layout::{self, EVAL_BREAKER};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, name_error, system_error, type_error};
use crate::vm::frame::FramePtr;
use crate::vm::{Args, PyResult, Vm};

/// How `exec` left the entry frame.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// `step` only: the one instruction ran; the frame goes on at its `pc`.
    Stepped,
    /// `step` only: the instruction pushed a frame (a call), which is now on top.
    Switched,
}

thread_local! {
    /// Instructions and calls run (`--jit-stats`); instructions are counted on the loop's
    /// slow path (the sticky `BREAK_STATS` bit), calls per frame push.
    pub static STATS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// How deep native code may re-enter the loop (each re-entry costs Rust stack).
const MAX_NATIVE_DEPTH: usize = 100_000;

thread_local! {
    /// The lowest stack address re-entering the loop may reach (0: not set yet).
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// Declares how much of this thread's stack (from the caller's frame down) the loop may
/// use for native re-entries; `main` runs the interpreter on a thread with a big stack.
pub fn set_stack_budget(bytes: usize) {
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    STACK_FLOOR.with(|f| f.set(addr.saturating_sub(bytes)));
}

/// Is the Rust stack nearly used up? (Deep native → Python → native recursion.)
pub(crate) fn stack_exhausted() -> bool {
    let here = 0u8;
    (&here as *const u8 as usize) < stack_floor()
}

/// The lowest stack address re-entering the loop may reach on this thread (set on first
/// use when `set_stack_budget` was not called: the default 8 MiB thread stack, 2 MiB spare).
pub(crate) fn stack_floor() -> usize {
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    STACK_FLOOR.with(|f| {
        if f.get() == 0 {
            f.set(addr.saturating_sub(6 << 20));
        }
        f.get()
    })
}

fn stack_underflow() -> PyErr {
    system_error("value stack underflow (compiler bug)")
}

/// The running frame (`$fp`: the loop's `FramePtr`).
macro_rules! fr {
    ($fp:ident) => {
        $fp.get()
    };
}

macro_rules! pop {
    ($fp:ident) => {
        match $fp.get().slots.pop() {
            Some(v) => v,
            None => return Err(stack_underflow()),
        }
    };
}

macro_rules! push {
    ($fp:ident, $v:expr) => {{
        let v = $v;
        $fp.get().slots.push(v)
    }};
}

/// A reference to the item `$n` deep (1 = TOS).
macro_rules! peek {
    ($fp:ident, $n:expr) => {{
        let f = $fp.get();
        let n = $n as usize;
        match f.slots.peek(n) {
            Some(v) => v.clone(),
            None => return Err(stack_underflow()),
        }
    }};
}

mod rare;

/// Adds `seen` to the `KindSet` of instruction `pc`.
#[inline(always)]
fn record_kinds(code: &Code, pc: usize, seen: KindSet) {
    if let Some(c) = code.feedback.get(pc) {
        c.record_kinds(seen);
    }
}

impl Vm {
    /// Calls a Python function object from native code: binds the arguments into a new
    /// entry frame and runs the loop until it returns (a generator function returns its
    /// generator object).
    pub fn call_function(&mut self, f: &Value, args: Args<'_>) -> PyResult {
        let frame = self.build_frame(f, None, args.values, args.kwnames)?;
        self.run_new_frame(frame)
    }

    /// Runs a fresh frame as an entry frame (or wraps it in a generator for generator
    /// code) and returns its result.
    pub fn run_new_frame(&mut self, mut frame: Box<crate::vm::frame::Frame>) -> PyResult {
        if frame.code().is_generator() {
            return Ok(generators::new_generator(self, frame));
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(&exc().recursion_error, "maximum recursion depth exceeded"));
        }
        frame.entry = true;
        self.frames.push(frame);
        match self.run_frames()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(system_error("yield outside a generator frame")),
            Exit::Stepped | Exit::Switched => Err(system_error("a step's exit outside a step")),
        }
    }

    /// Runs module-level code with `globals` as both globals and locals.
    pub fn run_code(&mut self, code: &Value, globals: &Value) -> PyResult {
        self.run_code_in(code, globals, Some(globals.clone()))
    }

    /// Runs a code object (module body, `exec`/`eval` source) in `globals` with the given
    /// locals mapping (None: a fresh function-style frame, for code with fast locals).
    pub fn run_code_in(&mut self, code: &Value, globals: &Value, locals: Option<Value>) -> PyResult {
        let builtins = self.builtins_for(globals);
        let frame = self.alloc_frame(code.clone(), globals.clone(), builtins, locals, None);
        self.run_new_frame(frame)
    }

    /// Runs a class body: `func`'s code with `ns` as its locals dict, as builtins
    /// `__build_class__` needs. Returns the body's return value (the `__class__` cell when
    /// the body created one, else None).
    pub fn run_class_body(&mut self, func: &Value, ns: &Value) -> PyResult {
        let mut frame = self.build_frame(func, None, &[], &[])?;
        frame.locals = Some(ns.clone());
        self.run_new_frame(frame)
    }

    /// The builtins dict code running in `globals` sees (`__builtins__` if set, else ours).
    pub fn builtins_for(&self, globals: &Value) -> Value {
        if let Some(b) = globals.payload::<PyDict>().and_then(|d| d.get_str("__builtins__")) {
            if b.kind() == Kind::Dict {
                return b;
            }
            if let Some(m) = b.payload::<crate::objects::module::PyModule>() {
                return m.dict.clone();
            }
        }
        self.builtins.clone()
    }

    /// Drives the top frame (an entry frame) and everything it calls until the entry frame
    /// returns or yields. Errors unwind through exception tables; an error leaving the
    /// entry frame is returned (the frame popped).
    pub fn run_frames(&mut self) -> PyResult<Exit> {
        if self.native_depth >= MAX_NATIVE_DEPTH || stack_exhausted() {
            if let Some(f) = self.frames.pop() {
                drop(f);
            }
            return Err(PyErr::new(&exc().recursion_error, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        let r = loop {
            match self.exec() {
                Ok(Exit::Return(v)) => {
                    let Some(f) = self.frames.pop() else { break Err(system_error("no frame")) };
                    let entry = f.entry;
                    self.retire_frame(f);
                    if entry {
                        break Ok(Exit::Return(v));
                    }
                    match self.frames.last_mut() {
                        Some(caller) => caller.slots.push(v),
                        None => break Ok(Exit::Return(v)),
                    }
                }
                Ok(Exit::Yield(v)) => break Ok(Exit::Yield(v)),
                Ok(Exit::Stepped | Exit::Switched) => break Err(system_error("a step's exit outside a step")),
                Err(e) => {
                    if let Err(e) = self.unwind(e, true) {
                        break Err(e);
                    }
                }
            }
        };
        self.native_depth -= 1;
        r
    }

    /// Work queued for an instruction boundary: finalizers, signals, and (`boundary`:
    /// before an instruction) trace events while the sticky trace bit is set.
    fn handle_eval_breaker(&mut self, boundary: bool) -> PyResult<()> {
        let flags = EVAL_BREAKER.fetch_and(layout::BREAK_TRACE | layout::BREAK_STATS, Ordering::Relaxed);
        if flags & layout::BREAK_FINALIZERS != 0 {
            self.run_pending_finalizers();
        }
        if flags & layout::BREAK_GC != 0 {
            crate::vm::gc::collect_automatic(self);
        }
        if flags & layout::BREAK_GIL_DROP != 0 {
            self.yield_gil();
        }
        // Signals are handled by the main thread only (as CPython does).
        if self.thread.is_main {
            if flags & layout::BREAK_SIGNAL != 0 {
                crate::builtins::signal::simulate_sigint();
            }
            crate::builtins::signal::check_signals(self)?;
        } else if flags & layout::BREAK_SIGNAL != 0 {
            EVAL_BREAKER.fetch_or(layout::BREAK_SIGNAL, Ordering::Relaxed);
        }
        if boundary && flags & layout::BREAK_STATS != 0 {
            STATS.with(|s| {
                let (i, c) = s.get();
                s.set((i + 1, c));
            });
        }
        if boundary && flags & layout::BREAK_TRACE != 0 {
            crate::vm::trace::instruction_hook(self)?;
        }
        Ok(())
    }

    /// Runs queued `__del__` methods; errors are reported as CPython's "Exception ignored".
    pub fn run_pending_finalizers(&mut self) {
        loop {
            let batch: Vec<Value> = std::mem::take(&mut *layout::PENDING_FINALIZERS.borrow_mut());
            if batch.is_empty() {
                // Weak reference callbacks of freed referents (after their `__del__`).
                if crate::objects::weakref::run_pending_callbacks(self) {
                    continue;
                }
                break;
            }
            for obj in batch {
                if obj.kind() == Kind::Generator {
                    self.finalize_generator(&obj);
                    drop(obj);
                    continue;
                }
                if let Some(d) = self.lookup_special(&obj, "__del__") {
                    if let Err(e) = self.call(&d, Args::positional_only(std::slice::from_ref(&obj))) {
                        let what = self.repr_string(&d).unwrap_or_default();
                        self.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
                    }
                }
                drop(obj);
            }
        }
    }

    /// The instruction loop over the top frame (see the module docs).
    pub(crate) fn exec(&mut self) -> PyResult<Exit> {
        if self.config.jit_stats {
            // Counted on the slow path, so the fast path carries no counter.
            EVAL_BREAKER.fetch_or(layout::BREAK_STATS, Ordering::Relaxed);
        }
        self.exec_inner::<false>()
    }

    /// Runs the one instruction at the top frame's `pc` (compiled code's way to run an
    /// instruction it does not lower: the interpreter's own code does it, so there is
    /// one copy of every instruction's meaning).
    pub(crate) fn step(&mut self) -> PyResult<Exit> {
        self.exec_inner::<true>()
    }

    /// The top frame, or a `SystemError`.
    #[inline]
    fn top_frame(&mut self) -> PyResult<&mut crate::vm::frame::Frame> {
        match self.frames.last_mut() {
            Some(f) => Ok(f),
            None => Err(system_error("no frame")),
        }
    }

    /// `STEP`: return after one instruction (`Exit::Stepped`), or when it switched frames
    /// (`Exit::Switched`); no superinstructions, no JIT entries.
    fn exec_inner<const STEP: bool>(&mut self) -> PyResult<Exit> {
        let mut stepped = false;
        'frame: loop {
            if STEP && stepped {
                return Ok(Exit::Switched);
            }
            // The running frame, reached through `fp` until the frame on top changes: every
            // path that pushes or pops a frame continues at 'frame or leaves (see
            // `FramePtr` for the rules).
            let Some(fp) = FramePtr::top(&mut self.frames) else { return Err(system_error("no frame")) };
            let code_v = fp.get().code.clone();
            let Some(code) = code_v.payload::<Code>() else { return Err(system_error("frame without code")) };
            // The next instruction's index lives in this local while the frame runs; it is
            // written back to `Frame::pc` only where something else resumes the frame: before
            // a call pushes a frame, at a yield, and around the eval-breaker (which may jump).
            // `Frame::lasti` stays exact at every instruction (tracebacks, frame objects).
            let mut npc = fr!(fp).pc as usize;
            // A compiled frame that left for a call goes back to compiled code after it.
            if !STEP && fr!(fp).jit_reenter {
                fr!(fp).jit_reenter = false;
                match crate::jit::on_return(code, fp.as_ptr(), self, npc as u32) {
                    None => {}
                    Some(crate::jit::Next::Resume(r)) => npc = r as usize,
                    Some(crate::jit::Next::Switched) => continue 'frame,
                    Some(crate::jit::Next::Raise(e)) => return Err(e),
                }
            }
            loop {
                if STEP {
                    if stepped {
                        fr!(fp).pc = npc as u32;
                        return Ok(Exit::Stepped);
                    }
                    stepped = true;
                }
                // `__del__` of objects freed by the previous instruction runs here, as
                // close to the decref as CPython runs it.
                if EVAL_BREAKER.load(Ordering::Relaxed) != 0 {
                    fr!(fp).pc = npc as u32;
                    self.handle_eval_breaker(true)?;
                    debug_assert!(self.frames.last().is_some_and(|b| fp.is(b)), "top frame changed");
                    npc = fr!(fp).pc as usize;
                }
                let f = fr!(fp);
                let pc = npc;
                let Some(ins) = code.instrs.get(pc).map(Cell::get) else {
                    return Err(system_error("instruction index out of range"));
                };
                f.lasti = pc as u32;
                npc = pc + 1;
                let arg = ins.arg;
                match ins.op {
                    Op::Nop => {}
                    // Separate arms so each counter costs no extra branch on the opcode.
                    // Compiled code takes over at a function's start or a loop header and
                    // hands back the instruction to go on at.
                    Op::Resume => {
                        code.count_call();
                        if crate::vm::startup::sigint_pending() {
                            self.handle_eval_breaker(false)?;
                        }
                        if !STEP && pc == 0 {
                            match crate::jit::on_entry(code, fp.as_ptr(), self) {
                                None => {}
                                Some(crate::jit::Next::Resume(r)) => npc = r as usize,
                                Some(crate::jit::Next::Switched) => continue 'frame,
                                Some(crate::jit::Next::Raise(e)) => return Err(e),
                            }
                        }
                    }
                    Op::JumpBackward => {
                        npc = arg as usize;
                        if let Some(c) = code.feedback.get(pc) {
                            c.count_back_edge();
                        }
                        if crate::vm::startup::sigint_pending() {
                            self.handle_eval_breaker(false)?;
                        }
                        if !STEP {
                            match crate::jit::on_back_edge(code, fp.as_ptr(), self, pc as u32, arg) {
                                None => {}
                                Some(crate::jit::Next::Resume(r)) => npc = r as usize,
                                Some(crate::jit::Next::Switched) => continue 'frame,
                                Some(crate::jit::Next::Raise(e)) => return Err(e),
                            }
                        }
                    }
                    Op::PopTop => match f.slots.pop() {
                        Some(v) => drop(v),
                        None => return Err(stack_underflow()),
                    },
                    Op::Copy => {
                        let v = peek!(fp, arg);
                        push!(fp, v);
                    }
                    Op::Swap => {
                        let n = f.slots.depth();
                        let a = arg as usize;
                        if a == 0 || a > n {
                            return Err(stack_underflow());
                        }
                        f.slots.stack_mut().swap(n - 1, n - a);
                    }
                    Op::LoadConst => {
                        let Some(c) = code.consts.get(arg as usize) else {
                            return Err(system_error("const index out of range"));
                        };
                        f.slots.push(c.clone());
                    }
                    Op::LoadFast => match f.slots.locals().get(arg as usize) {
                        Some(Some(v)) => {
                            let v = v.clone();
                            f.slots.push(v);
                            // Run a following LoadConst/LoadFast (of a bound local) without
                            // a dispatch: neither can raise or free anything, so no boundary
                            // work is skipped (unless tracing wants each instruction).
                            if let Some(next) = code
                                .instrs
                                .get(pc + 1)
                                .map(Cell::get)
                                .filter(|_| !STEP && EVAL_BREAKER.load(Ordering::Relaxed) == 0)
                            {
                                let v = match next.op {
                                    Op::LoadConst => code.consts.get(next.arg as usize).cloned(),
                                    Op::LoadFast => f.slots.locals().get(next.arg as usize).cloned().flatten(),
                                    _ => None,
                                };
                                if let Some(v) = v {
                                    f.slots.push(v);
                                    f.lasti = pc as u32 + 1;
                                    npc = pc + 2;
                                }
                            }
                        }
                        _ => return Err(unbound_local(code, arg)),
                    },
                    Op::StoreFast => {
                        let Some(v) = f.slots.pop() else { return Err(stack_underflow()) };
                        match f.slots.locals_mut().get_mut(arg as usize) {
                            Some(slot) => {
                                let old = slot.replace(v);
                                drop(old);
                            }
                            None => return Err(system_error("local index out of range")),
                        }
                        // A following LoadFast of a bound local runs without a dispatch when
                        // the drop above left no boundary work (finalizers) pending.
                        if !STEP && EVAL_BREAKER.load(Ordering::Relaxed) == 0 {
                            if let Some(next) = code.instrs.get(pc + 1).map(Cell::get) {
                                if next.op == Op::LoadFast {
                                    if let Some(Some(v)) = f.slots.locals().get(next.arg as usize) {
                                        let v = v.clone();
                                        f.slots.push(v);
                                        f.lasti = pc as u32 + 1;
                                        npc = pc + 2;
                                    }
                                }
                            }
                        }
                    }
                    Op::LoadDeref => {
                        let v = self.load_deref(code, arg)?;
                        push!(fp, v);
                    }
                    Op::StoreDeref => {
                        let v = pop!(fp);
                        let cell = self.cell_at(arg)?;
                        if let Some(c) = cell.payload::<PyCell>() {
                            let old = c.0.replace(Some(v));
                            drop(old);
                        }
                    }
                    Op::LoadName => {
                        let name = name_at(code, arg)?;
                        // The feedback word caches the dense index of the name in the
                        // locals dict; the key check makes a stale index harmless.
                        let cached = match (code.feedback.get(pc).and_then(|c| c.name_index()), &f.locals) {
                            (Some(ix), Some(l)) => l.payload::<PyDict>().and_then(|d| d.value_at_if_key(ix, name)),
                            _ => None,
                        };
                        if let Some(v) = cached {
                            f.slots.push(v);
                            continue;
                        }
                        if let (Some(slot), Some(d)) =
                            (code.feedback.get(pc), f.locals.as_ref().and_then(|l| l.payload::<PyDict>()))
                        {
                            if let Some((ix, v)) = d.get_str_value_ix(name) {
                                slot.set_name_index(ix);
                                f.slots.push(v);
                                continue;
                            }
                        }
                        let name = name.clone();
                        let v = self.load_name(&name)?;
                        push!(fp, v);
                    }
                    Op::StoreName => {
                        let name = name_at(code, arg)?.clone();
                        let v = pop!(fp);
                        let f = fr!(fp);
                        if let Some(d) = f.locals.as_ref().and_then(|l| l.payload::<PyDict>()) {
                            // Same index cache as LoadName: rebinding a module-level name
                            // replaces the value in its entry without a probe.
                            let slot = code.feedback.get(pc);
                            let v = match slot.and_then(|c| c.name_index()) {
                                Some(ix) => match d.set_at_if_key(ix, &name, v) {
                                    Ok(()) => continue,
                                    Err(v) => v,
                                },
                                _ => v,
                            };
                            d.set_str(name.clone(), v);
                            if let (Some(slot), Some((ix, _))) = (slot, d.get_str_value_ix(&name)) {
                                slot.set_name_index(ix);
                            }
                            continue;
                        }
                        let locals = f.locals.clone();
                        let Some(l) = locals else {
                            return Err(system_error(format!(
                                "no locals found when storing {}",
                                name.as_str().unwrap_or("?")
                            )));
                        };
                        if let Some(d) = l.payload::<PyDict>() {
                            d.set_str(name, v);
                        } else {
                            self.setitem(&l, &name, v)?;
                        }
                    }
                    Op::LoadGlobal => {
                        let name = name_at(code, arg)?;
                        let Some(fb) = code.feedback.get(pc) else { return Err(system_error("no feedback word")) };
                        let v = match load_global_cached(fb, name, &f.globals, &f.builtins) {
                            Some(v) => v,
                            None => match load_global_slow(fb, name, &f.globals, &f.builtins) {
                                Some(v) => v,
                                None => return Err(name_not_defined(name.as_str().unwrap_or(""))),
                            },
                        };
                        f.slots.push(v);
                    }
                    Op::LoadAttr => {
                        let Some(obj) = f.slots.pop() else { return Err(stack_underflow()) };
                        record_kinds(code, pc, KindSet::of_value(&obj));
                        let name = name_at(code, arg)?;
                        let slot = code.attr_cache.get(pc);
                        if let Some(v) = slot.and_then(|c| attr::load_attr_cached(c.get()?, &obj, name)) {
                            f.slots.push(v);
                            continue;
                        }
                        let v = match self.fast_getattr(&obj, name)? {
                            Some(v) => v,
                            None => self.getattr(&obj, name)?,
                        };
                        if let Some(c) = slot {
                            c.set(attr::load_cache_entry(&obj, name, false));
                        }
                        push!(fp, v);
                    }
                    Op::StoreAttr => {
                        let (Some(obj), Some(v)) = (f.slots.pop(), f.slots.pop()) else {
                            return Err(stack_underflow());
                        };
                        let name = name_at(code, arg)?;
                        let slot = code.attr_cache.get(pc);
                        let v = match slot.and_then(|c| c.get()) {
                            Some(e) => match attr::store_attr_cached(e, &obj, name, v) {
                                Ok(()) => continue,
                                Err(v) => v,
                            },
                            _ => v,
                        };
                        if let Err(v) = self.fast_setattr(&obj, name, v) {
                            self.setattr(&obj, name, v)?;
                        }
                        if let Some(c) = slot {
                            c.set(attr::store_cache_entry(&obj, name));
                        }
                    }
                    Op::LoadMethod => {
                        let Some(obj) = f.slots.pop() else { return Err(stack_underflow()) };
                        record_kinds(code, pc, KindSet::of_value(&obj));
                        let name = name_at(code, arg)?;
                        let slot = code.attr_cache.get(pc);
                        match slot.and_then(|c| attr::load_method_cached(c.get()?, &obj, name)) {
                            Some((m, true)) => {
                                f.slots.push(m);
                                f.slots.push(obj);
                                continue;
                            }
                            Some((v, false)) => {
                                f.slots.push(v);
                                f.slots.push(self.null.clone());
                                continue;
                            }
                            None => {}
                        }
                        let entry = attr::load_cache_entry(&obj, name, true);
                        let (m, s) = self.load_method(obj, name)?;
                        if let Some(c) = slot {
                            c.set(entry);
                        }
                        let f = fr!(fp);
                        f.slots.push(m);
                        f.slots.push(s);
                    }
                    Op::BinarySubscr => {
                        let (Some(key), Some(c)) = (f.slots.pop(), f.slots.pop()) else {
                            return Err(stack_underflow());
                        };
                        record_kinds(code, pc, KindSet::of_value(&c) | KindSet::of_value(&key));
                        let v = match fast_subscr(&c, &key) {
                            Some(v) => {
                                f.slots.push(v);
                                continue;
                            }
                            None => self.getitem(&c, &key)?,
                        };
                        push!(fp, v);
                    }
                    Op::StoreSubscr => {
                        let (Some(key), Some(c), Some(v)) = (f.slots.pop(), f.slots.pop(), f.slots.pop()) else {
                            return Err(stack_underflow());
                        };
                        match fast_store_subscr(&c, &key, v) {
                            Ok(()) => continue,
                            Err(v) => self.setitem(&c, &key, v)?,
                        }
                    }
                    Op::BinaryOp => {
                        let (Some(b), Some(a)) = (f.slots.pop(), f.slots.pop()) else {
                            return Err(stack_underflow());
                        };
                        let (b, a) = if arg & INPLACE != 0
                            && a.kind() == Kind::Str
                            && b.kind() == Kind::Str
                            && BinOp::from_arg(arg) == BinOp::Add
                        {
                            match str_iadd(f, code, pc, a, b) {
                                Ok(s) => {
                                    f.slots.push(s);
                                    continue;
                                }
                                Err((a, b)) => (b, a),
                            }
                        } else {
                            (b, a)
                        };
                        record_kinds(code, pc, KindSet::of_value(&a) | KindSet::of_value(&b));
                        let op = BinOp::from_arg(arg);
                        let r = match fast_binop(a, b, op) {
                            Ok(r) => {
                                f.slots.push(r);
                                continue;
                            }
                            Err((a, b)) => self.binary_op(&a, &b, op, arg & INPLACE != 0)?,
                        };
                        push!(fp, r);
                    }
                    Op::UnaryNegative => {
                        let a = pop!(fp);
                        let r = match fastops::float_neg(a) {
                            Ok(r) => r,
                            Err(a) => self.unary_op(&a, "__neg__", "-")?,
                        };
                        push!(fp, r);
                    }
                    Op::CompareOp => {
                        let (Some(b), Some(a)) = (f.slots.pop(), f.slots.pop()) else {
                            return Err(stack_underflow());
                        };
                        record_kinds(code, pc, KindSet::of_value(&a) | KindSet::of_value(&b));
                        let op = CmpOp::from_arg(arg);
                        let r = match fast_compare(&a, &b, op) {
                            Some(r) => {
                                // Fused with a following conditional jump: the operands were
                                // builtin scalars (no `__del__` to run at the boundary) and the
                                // jump on a bool cannot raise, so nothing can observe the skip
                                // (tracing sees each instruction: no fusion then).
                                if let Some(next) = code
                                    .instrs
                                    .get(pc + 1)
                                    .map(Cell::get)
                                    .filter(|_| !STEP && EVAL_BREAKER.load(Ordering::Relaxed) == 0)
                                {
                                    let jump_on = match next.op {
                                        Op::PopJumpIfFalse => Some(false),
                                        Op::PopJumpIfTrue => Some(true),
                                        _ => None,
                                    };
                                    if let Some(j) = jump_on {
                                        f.lasti = pc as u32 + 1;
                                        npc = if r == j { next.arg as usize } else { pc + 2 };
                                        continue;
                                    }
                                }
                                f.slots.push(py_bool(r));
                                continue;
                            }
                            None => self.compare(&a, &b, op)?,
                        };
                        push!(fp, r);
                    }
                    Op::IsOp => {
                        let b = pop!(fp);
                        let a = pop!(fp);
                        push!(fp, py_bool(a.is(&b) != (arg == 1)));
                    }
                    Op::Jump => npc = arg as usize,
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        let Some(v) = f.slots.pop() else { return Err(stack_underflow()) };
                        let t = if v.is_true_singleton() {
                            true
                        } else if v.kind() == Kind::Bool || v.is_none() {
                            false
                        } else {
                            self.truthy(&v)?
                        };
                        if t == (ins.op == Op::PopJumpIfTrue) {
                            npc = arg as usize;
                        }
                    }
                    Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                        let Some(v) = f.slots.pop() else { return Err(stack_underflow()) };
                        if v.is_none() == (ins.op == Op::PopJumpIfNone) {
                            npc = arg as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                        let v = peek!(fp, 1);
                        let t = self.truthy(&v)?;
                        let f = fr!(fp);
                        if t == (ins.op == Op::JumpIfTrueOrPop) {
                            npc = arg as usize;
                        } else {
                            f.slots.pop();
                        }
                    }
                    Op::ForIter => {
                        let it = peek!(fp, 1);
                        record_kinds(code, pc, KindSet::of_value(&it));
                        if it.kind() == Kind::Generator {
                            // Resumed in this loop: its frame yields back to `npc`.
                            fr!(fp).pc = npc as u32;
                            if self.gen_push(&it, none()).is_ok() {
                                continue 'frame;
                            }
                        }
                        let next = match it.payload::<crate::objects::iter::PyNativeIter>() {
                            Some(ni) => match ni.0.try_borrow_mut() {
                                Ok(mut b) => b.next(self)?,
                                Err(_) => self.next(&it)?,
                            },
                            None => self.next(&it)?,
                        };
                        let f = fr!(fp);
                        match next {
                            Some(v) => f.slots.push(v),
                            None => {
                                f.slots.pop();
                                npc = arg as usize;
                            }
                        }
                    }
                    Op::BuildTuple => {
                        let items = self.pop_n(arg)?;
                        push!(fp, new_tuple(items));
                    }
                    Op::BuildList => {
                        let items = self.pop_n(arg)?;
                        push!(fp, new_list(items));
                    }
                    Op::ListAppend => {
                        let v = pop!(fp);
                        let l = peek!(fp, arg);
                        match l.downcast::<PyList>() {
                            Some(l) => crate::objects::list::py_push(&mut l.0.borrow_mut(), v)?,
                            None => {
                                self.call_method(&l, "append", &[v])?;
                            }
                        }
                    }
                    Op::UnpackSequence => {
                        let Some(seq) = f.slots.pop() else { return Err(stack_underflow()) };
                        // An exact tuple/list of the right length: straight onto the stack.
                        if let Some(t) = seq.payload::<PyTuple>() {
                            if t.0.len() == arg as usize {
                                for v in t.0.iter().rev() {
                                    f.slots.push(v.clone());
                                }
                                continue;
                            }
                        } else if let Some(l) = seq.payload::<PyList>() {
                            let items = l.0.borrow();
                            if items.len() == arg as usize {
                                for v in items.iter().rev() {
                                    f.slots.push(v.clone());
                                }
                                continue;
                            }
                        }
                        let items = self.unpack(&seq, arg as usize)?;
                        let f = fr!(fp);
                        f.slots.extend(items.into_iter().rev());
                    }
                    Op::Call | Op::CallMethod | Op::CallKw => {
                        // A pushed callee frame returns to `npc` (see above).
                        f.pc = npc as u32;
                        if ins.op != Op::CallKw {
                            let method = ins.op == Op::CallMethod;
                            let at = (arg as usize + 1 + method as usize).min(f.slots.depth());
                            if let Some(c) = f.slots.peek(at).filter(|c| c.kind() == Kind::Function) {
                                record_kinds(code, pc, KindSet::of_value(c));
                                if self.push_call_simple(arg as usize, method) {
                                    continue 'frame;
                                }
                            }
                        }
                        let kwnames = if ins.op == Op::CallKw { Some(pop!(fp)) } else { None };
                        let n = arg as usize;
                        let extra = if ins.op == Op::CallMethod { 2 } else { 1 };
                        let f = fr!(fp);
                        let len = f.slots.depth();
                        if len < n + extra {
                            return Err(stack_underflow());
                        }
                        let base = len - n - extra;
                        let (callable, self_arg) = if ins.op == Op::CallMethod {
                            let s = f.slots.stack()[base + 1].clone();
                            if s.is(&self.null) {
                                (f.slots.stack()[base].clone(), None)
                            } else {
                                (f.slots.stack()[base].clone(), Some(s))
                            }
                        } else {
                            (f.slots.stack()[base].clone(), None)
                        };
                        record_kinds(code, pc, KindSet::of_value(&callable));
                        let kwn: &[Value] = match &kwnames {
                            Some(k) => k.as_tuple().unwrap_or(&[]),
                            None => &[],
                        };
                        // Python functions (and methods of them) run in this loop.
                        if callable.kind() == Kind::Function {
                            if self.call_from_stack(callable, self_arg, n, kwn, base, None)? {
                                continue 'frame;
                            }
                            continue;
                        }
                        let (func, self_arg) = match callable.kind() {
                            Kind::BoundMethod if self_arg.is_none() => match callable.payload::<PyBoundMethod>() {
                                Some(m) if m.func.kind() == Kind::Function => {
                                    (Some(m.func.clone()), Some(m.self_.clone()))
                                }
                                _ => (None, None),
                            },
                            _ => (None, self_arg),
                        };
                        // `Cls(...)` with object.__new__ and a Python __init__: run the
                        // __init__ frame here too.
                        if callable.kind() == Kind::Type && ins.op != Op::CallMethod {
                            if let Some((init, obj)) = self.fast_instantiate(&callable)? {
                                self.call_from_stack(init, Some(obj.clone()), n, kwn, base, Some(obj))?;
                                continue 'frame;
                            }
                        }
                        if let Some(func) = func {
                            if self.call_from_stack(func, self_arg, n, kwn, base, None)? {
                                continue 'frame;
                            }
                            continue;
                        }
                        let f = fr!(fp);
                        let mut argv = std::mem::take(&mut self.call_args);
                        calls::args_from_stack(&mut argv, self_arg, &mut f.slots, n, base);
                        let r = self.call(&callable, Args::new(&argv, kwn));
                        argv.clear();
                        self.call_args = argv;
                        push!(fp, r?);
                    }
                    Op::CallEx => {
                        f.pc = npc as u32;
                        let kwargs = if arg & 1 != 0 { Some(pop!(fp)) } else { None };
                        let args = pop!(fp);
                        let callable = pop!(fp);
                        record_kinds(code, pc, KindSet::of_value(&callable));
                        let mut argv = match args.payload::<PyTuple>() {
                            Some(t) => t.0.to_vec(),
                            None => self.star_args(&callable, &args)?,
                        };
                        let mut kwn = Vec::new();
                        if let Some(k) = kwargs {
                            self.star_kwargs(&callable, &k, &mut argv, &mut kwn)?;
                        }
                        if callable.kind() == Kind::Function {
                            let frame = self.build_frame(&callable, None, &argv, &kwn)?;
                            if self.push_frame(frame, None)? {
                                continue 'frame;
                            }
                            continue;
                        }
                        let r = self.call(&callable, Args::new(&argv, &kwn))?;
                        push!(fp, r);
                    }
                    Op::ReturnValue => {
                        let v = pop!(fp);
                        if fr!(fp).entry {
                            return Ok(Exit::Return(v));
                        }
                        // A Python-to-Python return: resume the caller in this loop.
                        self.return_to_caller(v)?;
                        continue 'frame;
                    }
                    Op::YieldValue => {
                        f.pc = npc as u32;
                        let v = pop!(fp);
                        if !fr!(fp).entry {
                            // A generator frame resumed in this loop (`gen_push`).
                            self.gen_yield_inline(v)?;
                            continue 'frame;
                        }
                        return Ok(Exit::Yield(v));
                    }
                    Op::Send => {
                        let v = pop!(fp);
                        let recv = peek!(fp, 1);
                        let v = if recv.kind() == Kind::Generator {
                            fr!(fp).pc = npc as u32;
                            match self.gen_push(&recv, v) {
                                Ok(()) => continue 'frame,
                                Err(v) => v,
                            }
                        } else {
                            v
                        };
                        match self.send_to(&recv, v)? {
                            Resume::Yield(y) => push!(fp, y),
                            Resume::Return(r) => {
                                let f = fr!(fp);
                                f.slots.pop();
                                f.slots.push(r);
                                npc = arg as usize;
                            }
                        }
                    }
                    // Rarely run instructions: out of line, so the hot arms keep the loop's
                    // state in registers.
                    _ => self.exec_rare(fp, code, ins, pc)?,
                }
            }
        }
    }

    /// Pops `n` values, returned bottom-first.
    fn pop_n(&mut self, n: u32) -> PyResult<Vec<Value>> {
        let f = self.top_frame()?;
        let len = f.slots.depth();
        let n = n as usize;
        if n > len {
            return Err(stack_underflow());
        }
        Ok(f.slots.split_off(n))
    }

    /// The cell object in localsplus slot `i` of the top frame.
    fn cell_at(&mut self, i: u32) -> PyResult<Value> {
        let f = self.top_frame()?;
        match f.slots.locals().get(i as usize) {
            Some(Some(c)) if c.kind() == Kind::Cell => Ok(c.clone()),
            _ => Err(system_error("no cell in slot")),
        }
    }

    fn load_deref(&mut self, code: &Code, i: u32) -> PyResult {
        let c = self.cell_at(i)?;
        match c.payload::<PyCell>().and_then(|c| c.0.borrow().clone()) {
            Some(v) => Ok(v),
            None => Err(unbound_deref(code, i)),
        }
    }

    /// `LoadName`: locals, globals, builtins.
    fn load_name(&mut self, name: &Value) -> PyResult {
        let f = self.top_frame()?;
        let locals = match &f.locals {
            Some(l) => match l.payload::<PyDict>() {
                Some(d) => {
                    if let Some(v) = d.get_str_value(name) {
                        return Ok(v);
                    }
                    None
                }
                None => Some(l.clone()),
            },
            None => None,
        };
        if let Some(l) = locals {
            if let Some(v) = self.mapping_lookup(&l, name)? {
                return Ok(v);
            }
        }
        let f = self.top_frame()?;
        if let Some(v) = f.globals.payload::<PyDict>().and_then(|d| d.get_str_value(name)) {
            return Ok(v);
        }
        if let Some(v) = f.builtins.payload::<PyDict>().and_then(|d| d.get_str_value(name)) {
            return Ok(v);
        }
        Err(name_not_defined(name.as_str().unwrap_or("")))
    }

    /// `mapping[key]` with KeyError turned into `None` (locals dicts of any mapping type).
    fn mapping_lookup(&mut self, m: &Value, key: &Value) -> PyResult<Option<Value>> {
        if let Some(d) = m.payload::<PyDict>() {
            return Ok(d.get_str_value(key));
        }
        match self.getitem(m, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&exc().key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `LoadMethod`: (function, self) when the attribute is a plain function on the type
    /// not shadowed by the instance, else (bound attribute, NULL).
    fn load_method(&mut self, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
        if let Some(m) = self.fast_method(&obj, name) {
            return Ok((m, obj));
        }
        let name_s = name.as_str().unwrap_or("");
        if !matches!(obj.kind(), Kind::Type | Kind::Module | Kind::Super) {
            let ty = obj.type_of().clone();
            let hash = name.payload::<crate::objects::str::PyStr>().map_or(0, |s| s.hash());
            if let Some(a) = ty.as_type().and_then(|t| t.lookup_hashed(name_s, hash)) {
                let plain = match a.kind() {
                    Kind::Function => true,
                    Kind::Builtin => a.payload::<crate::objects::builtin_func::PyBuiltin>().is_some_and(|b| {
                        b.self_.is_none() && b.kind == crate::objects::builtin_func::BuiltinKind::Method
                    }),
                    _ => false,
                };
                if plain {
                    let shadowed = crate::vm::protocol::instance_dict(&obj)
                        .and_then(|d| d.payload::<PyDict>().and_then(|d| d.get_str_hashed(name_s, hash)))
                        .is_some();
                    if !shadowed
                        && ty.as_type().is_some_and(|t| !t.has_flag(crate::objects::type_::TF_CUSTOM_GETATTRIBUTE))
                    {
                        return Ok((a, obj));
                    }
                }
            }
        }
        let v = match self.fast_getattr(&obj, name)? {
            Some(v) => v,
            None => self.getattr(&obj, name)?,
        };
        Ok((v, self.null.clone()))
    }

    /// Sets the handled exception (`sys.exc_info()`), returning the previous one.
    pub fn set_handled(&mut self, e: Option<Value>) -> Option<Value> {
        if self.handled.is_empty() {
            self.handled.push(None);
        }
        match self.handled.last_mut() {
            Some(slot) => std::mem::replace(slot, e),
            None => None,
        }
    }

    /// The exception being handled (`sys.exception()`), if any.
    pub fn current_handled(&self) -> Option<Value> {
        self.handled.iter().rev().find_map(|e| e.clone())
    }
}

/// Registers the generator type's methods (called from `objects::generator::init`).
pub fn init_generator_type() {
    generators::init();
}
