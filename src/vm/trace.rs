//! `sys.settrace` / `sys.setprofile`: CPython 3.11's trace and profile events.
//!
//! Zero cost when off: installing a trace or profile function sets the sticky
//! `BREAK_TRACE` bit of `EVAL_BREAKER`, so every instruction goes through
//! `handle_eval_breaker` → `instruction_hook`, which emits the events due before that
//! instruction runs (`call` at `Resume` or after a generator's `YieldValue`, `line`,
//! `opcode`, `return` before `ReturnValue`/`YieldValue`) and runs profiled C calls
//! itself (`c_call`/`c_return`/`c_exception`). The unwinder adds `exception` and
//! `return None` events. Nothing else in the loop checks for tracing.
//!
//! As CPython's `call_trampoline`: the frame's `f_locals` is refreshed before each call
//! of a trace function and written back to the fast locals after it; a trace function
//! that raises is removed (`sys.settrace(None)`) and the error propagates.

use std::sync::atomic::{AtomicUsize, Ordering};

mod jump;
mod opcodes;
pub use jump::set_lineno;
pub use opcodes::cpython_events;

use crate::bytecode::code::Code;
use crate::bytecode::opcode::Op;
use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::frame::{FS_LIVE, PyFrameObj, live_index};
use crate::objects::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::layout::{self, EVAL_BREAKER};
use crate::values::{Kind, Value};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// Per-thread trace state (`Vm::trace`).
#[derive(Default)]
pub struct TraceState {
    /// `sys.gettrace()`.
    pub trace: Option<Value>,
    /// `sys.getprofile()`.
    pub profile: Option<Value>,
    /// A profile function written in Rust (`_lsprof.Profiler`), called instead of
    /// calling `profile`, which is then the object it works for (CPython's
    /// `c_profilefunc` with `c_profileobj`).
    pub profile_native: Option<NativeProfile>,
    /// Inside a trace or profile function: no events (CPython's `tstate->tracing`).
    pub tracing: bool,
    /// The event being (or last) traced: `f_lineno` may only be set from `line`
    /// (CPython's `tstate->tracing_what`, which starts as `call`).
    pub what: Event,
    /// A trace function set `f_lineno`: the frame's pc moved (see `jump.rs`).
    pub jumped: bool,
}

// A thread that ends with a trace function installed no longer needs the sticky bit.
impl Drop for TraceState {
    fn drop(&mut self) {
        if (self.trace.is_some() || self.profile.is_some()) && ACTIVE.fetch_sub(1, Ordering::SeqCst) == 1 {
            EVAL_BREAKER.fetch_and(!layout::BREAK_TRACE, Ordering::SeqCst);
            if ACTIVE.load(Ordering::SeqCst) > 0 {
                EVAL_BREAKER.fetch_or(layout::BREAK_TRACE, Ordering::SeqCst);
            }
        }
    }
}

/// A Rust profile function: the profile object, the event and its argument (the code
/// of the top frame for `call`/`return`, the reported builtin for the `c_*` events).
/// It gets no frame object and its locals are not synced, as for a C profile function.
pub type NativeProfile = fn(&mut Vm, &Value, Event, &Value);

/// Threads (Vms) with a trace or profile function; the sticky bit is set while > 0.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Event {
    #[default]
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
    Opcode,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CException => "c_exception",
            Event::CReturn => "c_return",
            Event::Opcode => "opcode",
        }
    }
}

impl Vm {
    /// Is a trace or profile function installed on this thread?
    #[inline]
    pub fn trace_active(&self) -> bool {
        self.trace.trace.is_some() || self.trace.profile.is_some()
    }
}

fn update(vm: &mut Vm, was: bool) {
    let now = vm.trace_active();
    if now && !was {
        ACTIVE.fetch_add(1, Ordering::SeqCst);
        EVAL_BREAKER.fetch_or(layout::BREAK_TRACE, Ordering::SeqCst);
    } else if was && !now && ACTIVE.fetch_sub(1, Ordering::SeqCst) == 1 {
        EVAL_BREAKER.fetch_and(!layout::BREAK_TRACE, Ordering::SeqCst);
        // Another thread may have started tracing meanwhile.
        if ACTIVE.load(Ordering::SeqCst) > 0 {
            EVAL_BREAKER.fetch_or(layout::BREAK_TRACE, Ordering::SeqCst);
        }
    }
}

/// `sys.settrace(f)` for this thread (None removes it).
pub fn set_trace(vm: &mut Vm, f: Option<Value>) {
    let was = vm.trace_active();
    let old = std::mem::replace(&mut vm.trace.trace, f);
    update(vm, was);
    drop(old);
}

/// `sys.setprofile(f)` for this thread (None removes it).
pub fn set_profile(vm: &mut Vm, f: Option<Value>) {
    set_native_profile(vm, f, None);
}

/// `PyEval_SetProfile(func, obj)`: `obj` is what `sys.getprofile()` returns; `func`
/// (when given) is called for each event instead of calling `obj`.
pub fn set_native_profile(vm: &mut Vm, obj: Option<Value>, func: Option<NativeProfile>) {
    let was = vm.trace_active();
    vm.trace.profile_native = func.filter(|_| obj.is_some());
    let old = std::mem::replace(&mut vm.trace.profile, obj);
    update(vm, was);
    drop(old);
}

static THREAD_TRACE: crate::values::gil::GilCell<std::cell::RefCell<(Option<Value>, Option<Value>)>> =
    crate::values::gil::GilCell::new();

/// `threading.settrace(f)`: the trace function threads started from now on get.
pub fn set_thread_start_trace(f: Option<Value>) {
    THREAD_TRACE.init(Default::default).borrow_mut().0 = f;
}
/// `threading.setprofile(f)`.
pub fn set_thread_start_profile(f: Option<Value>) {
    THREAD_TRACE.init(Default::default).borrow_mut().1 = f;
}
/// `threading.gettrace()` / `threading.getprofile()`.
pub fn thread_start_hooks() -> (Option<Value>, Option<Value>) {
    THREAD_TRACE.init(Default::default).borrow().clone()
}
/// Called by a new thread's Vm before it runs the thread's target: installs the
/// functions set by `threading.settrace`/`setprofile` (as `threading._bootstrap` does
/// with `sys.settrace`).
pub fn install_for_new_thread(vm: &mut Vm) {
    let (t, p) = thread_start_hooks();
    if t.is_some() {
        set_trace(vm, t);
    }
    if p.is_some() {
        set_profile(vm, p);
    }
}

/// The first `Resume` of a code object (instructions before it are not traced).
fn first_traceable(code: &Code) -> usize {
    code.instrs.iter().position(|i| i.get().op == Op::Resume).unwrap_or(0)
}

/// Runs before each instruction while tracing is on (see the module docs).
pub fn instruction_hook(vm: &mut Vm) -> PyResult<()> {
    loop {
        if vm.trace.tracing || !vm.trace_active() {
            return Ok(());
        }
        let Some(f) = vm.frames.last_mut() else { return Ok(()) };
        let pc = f.pc as usize;
        let prev = f.lasti as usize;
        let code_v = f.code.clone();
        let Some(code) = code_v.payload::<Code>() else { return Ok(()) };
        let Some(op) = code.instrs.get(pc).map(|i| i.get().op) else { return Ok(()) };
        let first = first_traceable(code);
        if pc < first {
            return Ok(());
        }
        // The instruction about to run is the frame's current one while events run
        // (f_lineno, f_lasti, tracebacks of a raising trace function).
        f.lasti = pc as u32;
        let prev_op = code.instrs.get(prev).map(|i| i.get().op);
        let is_gen = code.is_generator();
        let resumed = is_gen && prev_op == Some(Op::YieldValue) && pc == prev + 1;
        if op == Op::Resume && pc == first || resumed {
            call_event(vm, Event::Call, none())?;
        }
        if op != Op::Resume && vm.trace.trace.is_some() {
            let line = code.line_at(pc);
            // An exception handler's PushExcInfo has no line in CPython (f_lineno None).
            let no_line = |i: usize| code.instrs.get(i).is_some_and(|x| x.get().op == Op::PushExcInfo);
            let lastline = if prev <= first && !resumed || no_line(prev) { None } else { Some(code.line_at(prev)) };
            // Loop-closing and skip jumps the compiler placed are not statements: they
            // carry the line before them and start no line (break/continue do).
            let artificial = matches!(op, Op::Jump | Op::JumpBackward) && pc > 0 && code.line_at(pc - 1) == line;
            let backward = pc < prev && op != Op::Send;
            let (lines, opcodes) = frame_flags(vm);
            let mut jumped = false;
            if lines && !artificial && !no_line(pc) && (Some(line) != lastline || backward) {
                vm.trace.jumped = false;
                trace_event(vm, Event::Line, none())?;
                jumped = std::mem::take(&mut vm.trace.jumped);
            }
            if opcodes {
                // As many events as CPython's instructions for this one (see opcodes.rs).
                for _ in 0..opcodes::cpython_events(code, pc) {
                    trace_event(vm, Event::Opcode, none())?;
                }
            }
            if jumped {
                // `f_lineno` was set: the target instruction runs next, with no events
                // of its own (CPython re-dispatches to it straight away).
                return Ok(());
            }
        }
        match op {
            Op::ReturnValue | Op::YieldValue => {
                // A class body returns its namespace here (LoadLocals); CPython's returns None.
                let class_body = pc > 0 && code.instrs.get(pc - 1).is_some_and(|i| i.get().op == Op::LoadLocals);
                let tos = match vm.frames.last().and_then(|f| f.slots.stack().last().cloned()) {
                    Some(v) if !class_body => v,
                    _ => none(),
                };
                call_event(vm, Event::Return, tos)?;
                return Ok(());
            }
            Op::Call | Op::CallMethod | Op::CallKw | Op::CallEx if vm.trace.profile.is_some() => {
                if !profiled_c_call(vm, op)? {
                    return Ok(());
                }
                // The call ran here; the next instruction gets its events now.
            }
            _ => return Ok(()),
        }
    }
}

/// (f_trace_lines, f_trace_opcodes) of the top frame, when it has a local trace function.
fn frame_flags(vm: &mut Vm) -> (bool, bool) {
    let Some(idx) = vm.frames.len().checked_sub(1) else { return (false, false) };
    let fo = crate::vm::interp::frame_object_at(vm, idx);
    match fo.payload::<PyFrameObj>() {
        Some(p) if p.trace.borrow().is_some() => (p.trace_lines.get(), p.trace_opcodes.get()),
        _ => (false, false),
    }
}

/// A `call`/`return` event: the trace function, then the profile function.
pub fn call_event(vm: &mut Vm, ev: Event, arg: Value) -> PyResult<()> {
    if vm.trace.trace.is_some() {
        trace_event(vm, ev, arg.clone())?;
    }
    if vm.trace.profile.is_some() {
        profile_event(vm, ev, arg)?;
    }
    Ok(())
}

/// CPython's `trace_trampoline` for the top frame.
pub fn trace_event(vm: &mut Vm, ev: Event, arg: Value) -> PyResult<()> {
    if vm.trace.tracing {
        return Ok(());
    }
    let Some(idx) = vm.frames.len().checked_sub(1) else { return Ok(()) };
    let fo = crate::vm::interp::frame_object_at(vm, idx);
    let Some(p) = fo.payload::<PyFrameObj>() else { return Ok(()) };
    let callback = if ev == Event::Call { vm.trace.trace.clone() } else { p.trace.borrow().clone() };
    let Some(cb) = callback else { return Ok(()) };
    match trampoline(vm, idx, &fo, &cb, ev, arg) {
        Ok(r) => {
            if !r.is_none() {
                *p.trace.borrow_mut() = Some(r);
            }
            Ok(())
        }
        Err(e) => {
            set_trace(vm, None);
            let old = p.trace.borrow_mut().take();
            drop(old);
            Err(e)
        }
    }
}

/// CPython's `profile_trampoline` for the top frame.
pub fn profile_event(vm: &mut Vm, ev: Event, arg: Value) -> PyResult<()> {
    if vm.trace.tracing {
        return Ok(());
    }
    let Some(cb) = vm.trace.profile.clone() else { return Ok(()) };
    if let Some(hook) = vm.trace.profile_native {
        let arg = match ev {
            Event::Call | Event::Return => match vm.frames.last() {
                Some(f) => f.code.clone(),
                None => return Ok(()),
            },
            _ => arg,
        };
        vm.trace.tracing = true;
        hook(vm, &cb, ev, &arg);
        vm.trace.tracing = false;
        return Ok(());
    }
    let Some(idx) = vm.frames.len().checked_sub(1) else { return Ok(()) };
    let fo = crate::vm::interp::frame_object_at(vm, idx);
    match trampoline(vm, idx, &fo, &cb, ev, arg) {
        Ok(_) => Ok(()),
        Err(e) => {
            set_profile(vm, None);
            Err(e)
        }
    }
}

/// CPython's `call_trampoline`: locals to the dict, the call (untraced), the dict back
/// to the locals.
fn trampoline(vm: &mut Vm, idx: usize, fo: &Value, cb: &Value, ev: Event, arg: Value) -> PyResult {
    if let Some(p) = fo.payload::<PyFrameObj>() {
        if let Some(f) = vm.frames.get(idx) {
            p.lineno.set(f.line());
            p.lasti.set(f.lasti);
        }
    }
    let optimized = fo.payload::<PyFrameObj>().is_some_and(|p| p.is_optimized());
    if optimized {
        fast_to_locals(vm, idx, fo)?;
    }
    vm.trace.tracing = true;
    let old_what = std::mem::replace(&mut vm.trace.what, ev);
    let r = vm.call(cb, Args::positional_only(&[fo.clone(), new_str(ev.name()), arg]));
    vm.trace.what = old_what;
    vm.trace.tracing = false;
    if optimized {
        locals_to_fast(vm, idx, fo);
    }
    r
}

/// The `f_locals` dict of frame object `fo` at `vm.frames[idx]`, refreshed from the
/// fast locals (deleted/unbound locals leave it).
fn fast_to_locals(vm: &mut Vm, idx: usize, fo: &Value) -> PyResult {
    let Some(p) = fo.payload::<PyFrameObj>() else { return Ok(none()) };
    let existing = p.locals.borrow().clone();
    let d = match existing {
        Some(d) => d,
        None => {
            let d = crate::vm::interp::new_dict();
            *p.locals.borrow_mut() = Some(d.clone());
            d
        }
    };
    let Some(f) = vm.frames.get(idx) else { return Ok(d) };
    let fast: Vec<Option<Value>> = f.slots.locals().to_vec();
    fill_locals(vm, &d, p, &fast)?;
    Ok(d)
}

fn fill_locals(vm: &mut Vm, d: &Value, p: &PyFrameObj, fast: &[Option<Value>]) -> PyResult<()> {
    let Some(dd) = d.payload::<PyDict>() else { return Ok(()) };
    let Some(code) = p.code() else { return Ok(()) };
    let nv = code.varnames.len();
    for (i, slot) in fast.iter().enumerate() {
        if i >= code.nlocalsplus() {
            break;
        }
        let name = code.localsplus_name(i).clone();
        let val = match slot {
            Some(v) if i >= nv && v.kind() == Kind::Cell => v.payload::<PyCell>().and_then(|c| c.0.borrow().clone()),
            Some(v) => Some(v.clone()),
            None => None,
        };
        match val {
            Some(v) => dd.set_str(name, v),
            None => {
                if dd.get_str_value(&name).is_some() {
                    dd.remove(vm, &name)?;
                }
            }
        }
    }
    Ok(())
}

/// Writes the `f_locals` dict back into the fast locals (`PyFrame_LocalsToFast(f, 1)`).
fn locals_to_fast(vm: &mut Vm, idx: usize, fo: &Value) {
    let Some(p) = fo.payload::<PyFrameObj>() else { return };
    let Some(d) = p.locals.borrow().clone() else { return };
    let Some(dd) = d.payload::<PyDict>() else { return };
    let Some(code) = p.code() else { return };
    let nv = code.varnames.len();
    let Some(f) = vm.frames.get_mut(idx) else { return };
    for i in 0..code.nlocalsplus().min(f.slots.locals().len()) {
        let name = code.localsplus_name(i);
        let value = dd.get_str_value(name);
        let slot = &mut f.slots.locals_mut()[i];
        match slot {
            Some(c) if i >= nv && c.kind() == Kind::Cell => {
                if let Some(cell) = c.payload::<PyCell>() {
                    let same = match (&*cell.0.borrow(), &value) {
                        (Some(a), Some(b)) => a.is(b),
                        (None, None) => true,
                        _ => false,
                    };
                    if !same {
                        let old = cell.0.replace(value);
                        drop(old);
                    }
                }
            }
            _ => {
                let same = match (&*slot, &value) {
                    (Some(a), Some(b)) => a.is(b),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    let old = std::mem::replace(slot, value);
                    drop(old);
                }
            }
        }
    }
}

/// `frame.f_locals`: module/class frames give their locals mapping; function frames a
/// dict refreshed from the (live or last) fast locals on each access.
pub fn frame_locals_of(vm: &mut Vm, fo: &Value) -> PyResult {
    let Some(p) = fo.payload::<PyFrameObj>() else { return Ok(none()) };
    if !p.is_optimized() {
        return Ok(p.locals.borrow().clone().unwrap_or_else(|| p.globals.clone()));
    }
    if let Some(idx) = live_index(vm, fo) {
        return fast_to_locals(vm, idx, fo);
    }
    let existing = p.locals.borrow().clone();
    let d = match existing {
        Some(d) => d,
        None => {
            let d = crate::vm::interp::new_dict();
            *p.locals.borrow_mut() = Some(d.clone());
            d
        }
    };
    let fast = p.fast.borrow().clone();
    if let Some(fast) = fast {
        fill_locals(vm, &d, p, &fast)?;
    }
    Ok(d)
}

/// The unwinder recorded a traceback entry for the top frame: the `exception` event
/// (trace function only). A failing trace function's error replaces `e`.
pub fn exception_event(vm: &mut Vm, e: Value) -> Value {
    if vm.trace.tracing || vm.trace.trace.is_none() {
        return e;
    }
    let tb = crate::vm::interp::exc_traceback(&e);
    let arg = new_tuple(vec![e.type_of().clone(), e.clone(), tb]);
    match trace_event(vm, Event::Exception, arg) {
        Ok(()) => e,
        Err(n) => n.0,
    }
}

/// The top frame is left by an exception: `return` with None (trace, then profile).
/// A failing callback's error replaces `e`.
pub fn unwind_return_event(vm: &mut Vm, e: Value) -> Value {
    if vm.trace.tracing {
        return e;
    }
    match call_event(vm, Event::Return, none()) {
        Ok(()) => e,
        Err(n) => n.0,
    }
}

/// Is `callable` a C function for profiling (`builtin_function_or_method`, or a method
/// descriptor called with a self)? Returns the object the events report.
fn c_function(callable: &Value, self_arg: Option<&Value>) -> Option<Value> {
    if callable.kind() != Kind::Builtin {
        return None;
    }
    let b = callable.payload::<PyBuiltin>()?;
    if b.self_.is_some() || b.kind == BuiltinKind::Function && self_arg.is_none() {
        return Some(callable.clone());
    }
    // Dunder methods of builtin types are slot wrappers in CPython: not reported.
    let dunder = b.name.starts_with("__") && b.name.ends_with("__");
    if dunder && !matches!(b.name, "__format__" | "__sizeof__" | "__dir__" | "__reduce_ex__" | "__reduce__") {
        return None;
    }
    let s = self_arg?;
    if b.kind != BuiltinKind::Method {
        return None;
    }
    Some(layout::alloc(
        callable.type_of(),
        PyBuiltin { name: b.name, func: b.func, kind: b.kind, self_: Some(s.clone()), owner: b.owner },
    ))
}

/// A `Call`/`CallMethod`/`CallKw` of a C function under a profile function: runs it with
/// `c_call` before and `c_return`/`c_exception` after. Returns false (nothing done) for
/// other callables, which the loop calls as usual.
fn profiled_c_call(vm: &mut Vm, op: Op) -> PyResult<bool> {
    let Some(f) = vm.frames.last() else { return Ok(false) };
    let pc = f.pc as usize;
    let Some(ins) = f.code().instrs.get(pc).map(|i| i.get()) else { return Ok(false) };
    if op == Op::CallEx {
        return profiled_call_ex(vm, pc, ins.arg);
    }
    let n = ins.arg as usize;
    let len = f.slots.depth();
    let kwn_n = usize::from(op == Op::CallKw);
    let extra = if op == Op::CallMethod { 2 } else { 1 };
    let Some(base) = len.checked_sub(n + extra + kwn_n) else { return Ok(false) };
    let callable = f.slots.stack()[base].clone();
    let self_arg = if op == Op::CallMethod {
        let s = f.slots.stack()[base + 1].clone();
        if s.is(&vm.null) { None } else { Some(s) }
    } else {
        None
    };
    // A method descriptor called with its self as the first positional argument is
    // reported bound to it (CPython's `trace_call_function`).
    let npos = n - if kwn_n == 1 { f.slots.stack()[len - 1].as_tuple().map_or(0, |t| t.len()).min(n) } else { 0 };
    let first_pos = if npos > 0 && self_arg.is_none() && is_method_descr(&callable) {
        f.slots.stack().get(base + extra).cloned()
    } else {
        None
    };
    let Some(reported) = c_function(&callable, self_arg.as_ref().or(first_pos.as_ref())) else { return Ok(false) };
    // Take the call's operands off the stack, as the instruction does.
    let f = match vm.frames.last_mut() {
        Some(f) => f,
        None => return Ok(false),
    };
    let kwnames = if kwn_n == 1 { f.slots.pop() } else { None };
    let mut argv: Vec<Value> = Vec::with_capacity(n + 1);
    if let Some(s) = self_arg {
        argv.push(s);
    }
    argv.extend(f.slots.drain_from(base + extra));
    f.slots.truncate(base);
    f.pc = pc as u32 + 1;
    let kwn: Vec<Value> = kwnames.as_ref().and_then(|k| k.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    run_profiled(vm, &callable, reported, argv, kwn)
}

/// Calls a C function between `c_call` and `c_return`/`c_exception`, pushes the result.
fn run_profiled(vm: &mut Vm, callable: &Value, reported: Value, argv: Vec<Value>, kwn: Vec<Value>) -> PyResult<bool> {
    profile_event(vm, Event::CCall, reported.clone())?;
    let r = vm.call(callable, Args::new(&argv, &kwn));
    drop(argv);
    let v = match r {
        Ok(v) => v,
        Err(e) => {
            if vm.trace.profile.is_some() {
                let _ = profile_event(vm, Event::CException, reported);
            }
            return Err(e);
        }
    };
    if vm.trace.profile.is_some() {
        profile_event(vm, Event::CReturn, reported)?;
    }
    match vm.frames.last_mut() {
        Some(f) => f.slots.push(v),
        None => return Err(crate::vm::errors::system_error("no frame")),
    }
    // The next instruction's boundary work (finalizers freed by the call) runs first.
    if EVAL_BREAKER.load(Ordering::Relaxed) & !layout::BREAK_TRACE != 0 {
        return Ok(false);
    }
    Ok(true)
}

fn is_method_descr(callable: &Value) -> bool {
    callable.payload::<PyBuiltin>().is_some_and(|b| b.kind == BuiltinKind::Method && b.self_.is_none())
}

/// `f(*args, **kw)` of a C function under a profile function (CPython's `do_call_core`:
/// a method descriptor is reported bound to the first argument).
fn profiled_call_ex(vm: &mut Vm, pc: usize, arg: u32) -> PyResult<bool> {
    let Some(f) = vm.frames.last() else { return Ok(false) };
    let need = 2 + (arg & 1) as usize;
    let Some(base) = f.slots.depth().checked_sub(need) else { return Ok(false) };
    let callable = f.slots.stack()[base].clone();
    let Some(t) = f.slots.stack()[base + 1].as_tuple().map(|t| t.to_vec()) else { return Ok(false) };
    let Some(reported) = c_function(&callable, t.first().filter(|_| is_method_descr(&callable))) else {
        return Ok(false);
    };
    let kwargs = if arg & 1 != 0 { Some(f.slots.stack()[base + 2].clone()) } else { None };
    let mut argv = t;
    let mut kwn = Vec::new();
    if let Some(k) = kwargs {
        // Bad `**` mappings raise from the instruction itself.
        let ok = k.payload::<PyDict>().is_some_and(|d| d.keys().iter().all(|k| k.as_str().is_some()));
        if !ok {
            return Ok(false);
        }
        vm.star_kwargs(&callable, &k, &mut argv, &mut kwn)?;
    }
    let Some(f) = vm.frames.last_mut() else { return Ok(false) };
    f.slots.truncate(base);
    f.pc = pc as u32 + 1;
    run_profiled(vm, &callable, reported, argv, kwn)
}

/// `sys.settrace(f)`.
pub fn sys_settrace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("settrace")?;
    vm.audit("sys.settrace", vec![])?;
    set_trace(vm, if f.is_none() { None } else { Some(f.clone()) });
    Ok(none())
}
/// `sys.gettrace()`.
pub fn sys_gettrace(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.trace.trace.clone().unwrap_or_else(none))
}
/// `sys.setprofile(f)`.
pub fn sys_setprofile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("setprofile")?;
    vm.audit("sys.setprofile", vec![])?;
    set_profile(vm, if f.is_none() { None } else { Some(f.clone()) });
    Ok(none())
}
/// `sys.getprofile()`.
pub fn sys_getprofile(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.trace.profile.clone().unwrap_or_else(none))
}

/// A frame object still marked live that is no longer on this thread's stack.
pub fn is_suspended(vm: &Vm, fo: &Value) -> bool {
    fo.payload::<PyFrameObj>().is_some_and(|p| p.state.get() == FS_LIVE) && live_index(vm, fo).is_none()
}

#[allow(dead_code)]
fn _e(e: PyErr) -> PyErr {
    e
}
