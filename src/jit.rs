//! The JIT: hot code objects compiled to native code with Cranelift, run on the
//! interpreter's own frames, leaving to the interpreter at the exact instruction
//! (design: docs/jit.md).
//!
//! The loop calls `on_entry` at a function's `Resume` and `on_back_edge` at a
//! `JumpBackward`; both count, compile when a counter crosses the threshold, and run the
//! compiled code when the code object has some for that instruction. Compiled code
//! returns the index of the instruction the interpreter resumes at, with the frame's
//! locals, stack and `top` written as the interpreter expects them there.

mod lower;
mod perf_map;
mod runtime;
mod stats;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::bytecode::code::{CO_VARARGS, CO_VARKEYWORDS, Code};
use crate::bytecode::opcode::Op;
use crate::values::gil::GilStatic;
use crate::values::layout::{self, EVAL_BREAKER};
use crate::vm::errors::PyErr;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

pub use lower::Compiled;
pub use stats::report;

/// What the loop does after compiled code ran.
pub enum Next {
    /// Go on at this instruction (the frame's locals, stack and `top` are as the
    /// interpreter expects them there).
    Resume(u32),
    /// Compiled code pushed a frame (a call): run it; the caller's `pc` is set and it
    /// goes back to compiled code when the call returns (`Frame::jit_reenter`).
    Switched,
    /// An instruction raised: unwind from the frame's `lasti`.
    Raise(PyErr),
}

/// How the JIT runs (`--no-jit`, `--jit=all`, `--jit=deopt-stress`, `-X jit-threshold=N`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Off,
    /// Compile after `threshold` calls or back edges.
    Counting,
    /// Compile every code object at its first entry or back edge.
    All,
    /// As `All`, and every guard fails the first time it is reached.
    DeoptStress,
}

/// Calls or back edges before a code object compiles, by default. Measured on perf/
/// (perf/icount, December 2026): 50, 200 and 1000 run within 1% of each other on every
/// program but spectral_norm, where 50 costs 7% (it compiles before the feedback has
/// seen floats, then compiles again).
pub const DEFAULT_THRESHOLD: u32 = 200;
/// Guard failures of one compiled code object after which it goes back to the
/// interpreter for good (a guard that keeps failing means the feedback was wrong).
const MAX_DEOPTS: u32 = 1000;
/// Failures of one guard after which its code object is compiled again: the interpreter
/// has run the instruction meanwhile, so the feedback now says what the guard did not
/// expect (a loop over a generator compiled before it ran, ints that grew big).
const RECOMPILE_AFTER: u32 = 50;
/// Compilations of one code object at most (so code memory stays bounded).
const MAX_COMPILES: u8 = 4;
/// Machine code the process compiles at most: compiled code is never freed (frames may
/// still run old versions), so past this nothing more compiles.
const MAX_CODE_BYTES: u64 = 64 << 20;

const MODE_OFF: u8 = 0;
const MODE_COUNTING: u8 = 1;
const MODE_ALL: u8 = 2;
const MODE_STRESS: u8 = 3;

/// The process's JIT mode; read on every function entry and back edge, so one byte.
static MODE: AtomicU8 = AtomicU8::new(MODE_OFF);
static THRESHOLD: GilStatic<Cell<u32>> = GilStatic::new(Cell::new(DEFAULT_THRESHOLD));
static STATS_ON: GilStatic<Cell<bool>> = GilStatic::new(Cell::new(false));
static DUMP: GilStatic<Cell<bool>> = GilStatic::new(Cell::new(false));
/// Machine code compiled so far (bytes).
static CODE_BYTES: GilStatic<Cell<u64>> = GilStatic::new(Cell::new(0));

/// Sets the mode from the command line, before any code runs.
pub fn configure(mode: Mode, threshold: Option<u32>, stats: bool, dump: bool, perf: bool) {
    DUMP.set(dump);
    if perf {
        perf_map::enable();
    }
    let m = match mode {
        Mode::Off => MODE_OFF,
        Mode::Counting => MODE_COUNTING,
        Mode::All => MODE_ALL,
        Mode::DeoptStress => MODE_STRESS,
    };
    MODE.store(m, Ordering::Relaxed);
    if let Some(t) = threshold {
        THRESHOLD.set(t.max(1));
    }
    if matches!(mode, Mode::All | Mode::DeoptStress) {
        // At the first call or back edge (the counters count before the JIT looks).
        THRESHOLD.set(0);
    }
    STATS_ON.set(stats);
}

/// Is compiled code used at all? (`sys._jit.is_enabled()`.)
pub fn is_enabled() -> bool {
    MODE.load(Ordering::Relaxed) != MODE_OFF
}

fn stress() -> bool {
    MODE.load(Ordering::Relaxed) == MODE_STRESS
}

/// A code object's JIT state: once compiled, its native code. (The counters that trigger
/// compilation are the feedback's: `Code::call_count`, `Code::back_edges`.)
pub struct CodeJit {
    state: Cell<State>,
    /// The compiled code a compiled caller may call directly (`Vm::push_call_compiled`):
    /// set with `state` when it starts at 0 and the code takes plain positional arguments
    /// (no `*args`, `**kwargs`, keyword-only arguments or cells of its own, not a
    /// generator; free variables are copied from the function's closure).
    direct: Cell<Option<&'static lower::Compiled>>,
    compiles: Cell<u8>,
    /// Frames bound to this code (its code, globals and builtins; as many locals; room
    /// for its stack), unused, linked through `Frame::next_spare`: compiled callers take
    /// one and give it back with no binding to check or redo (`lower/calls.rs`). At most
    /// `MAX_SPARE`; each holds a reference to this code, so a code object with spare
    /// frames lives as long as the process (as its compiled code does).
    spare: Cell<*mut Frame>,
    spare_n: Cell<u64>,
}

/// The most spare frames one code object keeps (as `Vm::frame_pool`'s bound).
pub const MAX_SPARE: u64 = crate::vm::FRAME_POOL_MAX as u64;

#[derive(Clone, Copy)]
enum State {
    Interpreting,
    Compiled(&'static lower::Compiled),
    /// Not compiled, for good (the reason went to the stats).
    Never,
}

impl CodeJit {
    pub const fn new() -> CodeJit {
        CodeJit {
            state: Cell::new(State::Interpreting),
            direct: Cell::new(None),
            compiles: Cell::new(0),
            spare: Cell::new(std::ptr::null_mut()),
            spare_n: Cell::new(0),
        }
    }

    /// The compiled code to call directly, as `direct` says.
    #[inline(always)]
    pub fn direct(&self) -> Option<&'static lower::Compiled> {
        self.direct.get()
    }
}

/// Keeps a retired frame (locals unbound, stack empty, no frame object) as a spare of
/// its code when compiled callers call that code directly and it has room; else gives
/// it back (for `Vm::frame_pool`).
pub fn keep_spare(mut frame: Box<Frame>) -> Option<Box<Frame>> {
    let code: *const Code = frame.code();
    // SAFETY: the frame holds a reference to its code object, and keeps it while it is
    // spare (or the caller gets it back): the code outlives this borrow.
    let code = unsafe { &*code };
    let jit = &code.jit;
    if jit.direct.get().is_none()
        || jit.spare_n.get() >= MAX_SPARE
        || !frame.slots.fits(code.nlocalsplus(), code.stacksize as usize)
    {
        return Some(frame);
    }
    frame.next_spare = jit.spare.get();
    jit.spare.set(Box::into_raw(frame));
    jit.spare_n.set(jit.spare_n.get() + 1);
    None
}

/// Where compiled code finds `CodeJit::direct` in a `Code`.
pub const OFF_CODE_DIRECT: usize = std::mem::offset_of!(Code, jit) + std::mem::offset_of!(CodeJit, direct);
/// Where compiled code finds `CodeJit::spare` and `CodeJit::spare_n` in a `Code`.
pub const OFF_CODE_SPARE: usize = std::mem::offset_of!(Code, jit) + std::mem::offset_of!(CodeJit, spare);
pub const OFF_CODE_SPARE_N: usize = std::mem::offset_of!(Code, jit) + std::mem::offset_of!(CodeJit, spare_n);

/// Sets `code`'s JIT state (and with it whether compiled callers may call it directly).
fn set_state(code: &Code, state: State) {
    code.jit.state.set(state);
    let plain = code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
        && !code.is_generator()
        && code.cellvars.is_empty();
    code.jit.direct.set(match state {
        State::Compiled(c) if c.entry0 && plain => Some(c),
        _ => None,
    });
}

/// `Resume` at a function's start: maybe compile, maybe run compiled code from pc 0.
/// Returns the instruction to continue at when compiled code ran.
#[inline(always)]
pub fn on_entry(code: &Code, frame: *mut Frame, vm: &mut Vm) -> Option<Next> {
    if MODE.load(Ordering::Relaxed) == MODE_OFF || cold(code, || code.call_count() as u64) {
        return None;
    }
    enter(code, frame, vm, 0)
}

/// A frame that left compiled code for a call is on top again, at `pc`: back into
/// compiled code when `pc` is one of its entries.
pub fn on_return(code: &Code, frame: *mut Frame, vm: &mut Vm, pc: u32) -> Option<Next> {
    match code.jit.state.get() {
        State::Compiled(c) if c.can_enter(pc) => run(code, c, frame, vm, pc, true),
        _ => None,
    }
}

/// The loop's inline test: nothing to do for code that will not compile, or that is not
/// hot yet (so the JIT costs a load and a compare where it does nothing).
#[inline(always)]
fn cold(code: &Code, heat: impl FnOnce() -> u64) -> bool {
    match code.jit.state.get() {
        State::Never => true,
        State::Interpreting => heat() < THRESHOLD.get() as u64,
        State::Compiled(_) => false,
    }
}

/// The `JumpBackward` at `at` to `target`: as `on_entry`, entering at the loop header
/// (OSR).
#[inline(always)]
pub fn on_back_edge(code: &Code, frame: *mut Frame, vm: &mut Vm, at: u32, target: u32) -> Option<Next> {
    if MODE.load(Ordering::Relaxed) == MODE_OFF
        || cold(code, || code.feedback.get(at as usize).map_or(0, |f| f.back_edges()))
    {
        return None;
    }
    enter(code, frame, vm, target)
}

#[inline(never)]
fn enter(code: &Code, frame: *mut Frame, vm: &mut Vm, pc: u32) -> Option<Next> {
    // A trace or profile function sees every instruction: compiled code stays out.
    if EVAL_BREAKER.load(Ordering::Relaxed) & layout::BREAK_TRACE != 0 {
        return None;
    }
    let compiled = match code.jit.state.get() {
        State::Compiled(c) => c,
        State::Never => return None,
        State::Interpreting => match compile(code, vm.null.bits() as u64, frame) {
            Some(c) => c,
            None => {
                set_state(code, State::Never);
                return None;
            }
        },
    };
    if !compiled.can_enter(pc) {
        return None;
    }
    run(code, compiled, frame, vm, pc, false)
}

/// Runs `compiled` from `pc` and tells the loop what next.
fn run(
    code: &Code,
    compiled: &'static lower::Compiled,
    frame: *mut Frame,
    vm: &mut Vm,
    pc: u32,
    after_call: bool,
) -> Option<Next> {
    if STATS_ON.get() {
        stats::entered(pc, after_call);
    }
    // SAFETY: the frame is live on `vm.frames` for the whole run (the loop's rules).
    unsafe { (*frame).jit_running = true };
    vm.jit_stack_floor = crate::vm::interp::stack_floor();
    let out = compiled.run(frame, vm, pc);
    // SAFETY: as above; compiled code returned, the frame is still live (a frame is
    // popped only by the loop or by `call_pushed` after its compiled code returned).
    unsafe { (*frame).jit_running = false };
    finish(code, compiled, frame, out)
}

/// What the exit word `out` of `compiled`, run on `frame`, tells the loop: raise, a
/// call switched frames, or resume at an instruction (counting a failed guard, and
/// recompiling or giving up on code whose guards keep failing).
fn finish(code: &Code, compiled: &'static lower::Compiled, frame: *mut Frame, out: u64) -> Option<Next> {
    let resume = out as u32;
    if out & runtime::EXIT_RAISE != 0 {
        // `lasti` of the frame on top (this one, or a callee it ran) names the
        // instruction that raised: whoever raised stored it.
        return Some(Next::Raise(runtime::take_error()));
    }
    if out & runtime::EXIT_SWITCHED != 0 {
        // SAFETY: the frame is live (below the callee the step pushed).
        unsafe { (*frame).jit_reenter = true };
        return Some(Next::Switched);
    }
    let guard = ((out & runtime::EXIT_GUARD_MASK) >> 32) as u32;
    if guard != 0 && is_op(code, resume, Op::YieldValue) {
        // A generator suspends: when it resumes, after the yield, it comes back here.
        // SAFETY: the frame is live (compiled code returned; nothing popped it).
        unsafe { (*frame).jit_reenter = true };
    }
    if guard != 0 {
        // SAFETY: compiled code returned, so nothing else uses the frame; the loop takes
        // its own reference again after this call.
        let f = unsafe { &*frame };
        // A planned exit (an instruction not compiled) is not a failed guard.
        let real = compiled.guards.get(guard as usize - 1).is_some_and(|g| g.reason != lower::Reason::NotCompiled);
        if STATS_ON.get() {
            stats::deopt(compiled, guard - 1, f);
        }
        let n = compiled.deopts.get() + real as u32;
        compiled.deopts.set(n);
        if real && !stress() {
            let fails = compiled.guard_failed(guard - 1);
            if fails >= RECOMPILE_AFTER && code.jit.compiles.get() < MAX_COMPILES {
                // Frames running the old code finish with it (it is never freed).
                stats::recompiling(compiled);
                set_state(code, State::Interpreting);
            } else if n >= MAX_DEOPTS {
                stats::gave_up(compiled);
                set_state(code, State::Never);
            }
        }
    }
    Some(Next::Resume(resume))
}

fn compile(code: &Code, null: u64, frame: *mut Frame) -> Option<&'static lower::Compiled> {
    if CODE_BYTES.get() >= MAX_CODE_BYTES {
        stats::failed(code, format!("JIT code memory full ({} MiB compiled)", MAX_CODE_BYTES >> 20));
        return None;
    }
    let started = std::time::Instant::now();
    // `--jit=all` and deopt-stress compile whatever they can: they test the compiler.
    let counting = MODE.load(Ordering::Relaxed) == MODE_COUNTING;
    let r = lower::plan(code).and_then(|plan| {
        if counting {
            plan.pays_off()?;
        }
        // Setting up Cranelift (host detection, the module) is start-up, not this
        // function's compile time; code that is not compiled never pays it.
        let set_up = JIT.with_module(|_| std::time::Instant::now());
        // A panic in Cranelift is a bug of this lowering: the function stays interpreted
        // (and says why in `--jit-stats`) instead of the program failing.
        let r = JIT.with_module(|m| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                lower::compile(
                    m,
                    code,
                    plan,
                    null,
                    lower::Options {
                        stress: stress(),
                        stats: STATS_ON.get(),
                        dump: DUMP.get(),
                        // SAFETY: the frame is live on `vm.frames` while it enters (the
                        // loop's rules); only its two values are read.
                        env: Some(unsafe { ((*frame).globals.clone(), (*frame).builtins.clone()) }),
                        // SAFETY: as above.
                        env_locals: unsafe { (*frame).slots.locals().iter().flatten().cloned().collect() },
                    },
                )
            }))
        });
        let r = r.unwrap_or_else(|p| {
            let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(format!("compiler panic: {}", msg.unwrap_or_default()))
        });
        Ok((r?, set_up.duration_since(started)))
    });
    let r = r.map(|(c, setup)| {
        c.compile_us.set(started.elapsed().saturating_sub(setup).as_micros() as u64);
        c
    });
    match r {
        Ok(c) => {
            code.jit.compiles.set(code.jit.compiles.get() + 1);
            let c: &'static lower::Compiled = Box::leak(Box::new(c));
            CODE_BYTES.set(CODE_BYTES.get() + c.code_bytes as u64);
            stats::compiled(c);
            perf_map::record(c.addr(), c.code_bytes, &c.name, &c.file, c.line);
            set_state(code, State::Compiled(c));
            Some(c)
        }
        Err(reason) => {
            stats::failed(code, reason);
            None
        }
    }
}

/// Is instruction `pc` of `code` an `op`?
fn is_op(code: &Code, pc: u32, op: Op) -> bool {
    code.instrs.get(pc as usize).is_some_and(|i| i.get().op == op)
}

/// The Cranelift module all code is compiled into (compiled code lives as long as the
/// process: code objects point at it).
struct Jit(GilStatic<RefCell<Option<cranelift_jit::JITModule>>>);

static JIT: Jit = Jit(GilStatic::new(RefCell::new(None)));

impl Jit {
    fn with_module<R>(&self, f: impl FnOnce(&mut cranelift_jit::JITModule) -> R) -> R {
        let mut slot = self.0.borrow_mut();
        let m = slot.get_or_insert_with(|| {
            let t = std::time::Instant::now();
            let m = lower::new_module();
            stats::started(t.elapsed().as_micros() as u64);
            m
        });
        f(m)
    }
}

/// What a call compiled code made leaves to do: the exit word the caller goes on with
/// (0: the result is on its stack), or the callee's compiled code to run (its frame on
/// top of `vm.frames`, entered at `start`).
pub(crate) enum Called {
    Word(u64),
    Native { frame: *mut Frame, compiled: &'static lower::Compiled, start: u32 },
}

/// `Call`/`CallMethod` at the top frame's `pc` with `n` positional arguments, when the
/// callable is a Python function: the call as the loop makes it (`push_call_simple`,
/// else `call_from_stack`: the frame pushed, arguments moved) and, when the callee is
/// compiled, its code at once (`call_pushed`), with no trip through the loop. `None`,
/// having changed nothing, for any other callable (the caller steps it).
pub(crate) fn call_direct(vm: &mut Vm, n: usize, method: bool) -> Option<Called> {
    if EVAL_BREAKER.load(Ordering::Relaxed) & layout::BREAK_TRACE != 0 {
        return None;
    }
    let caller: *mut Frame = &mut **vm.frames.last_mut()?;
    // SAFETY: the caller's box stays on `vm.frames` (below the callee, if one is
    // pushed) for this whole call; no other reference to it is live at these accesses.
    let pc = unsafe { (*caller).pc };
    // `push_call_simple` makes every check of the common shape once.
    if vm.push_call_simple(n, method) {
        // As the loop's call: the caller resumes after it; tracebacks name the call.
        // SAFETY: as above.
        unsafe {
            (*caller).pc = pc + 1;
            (*caller).lasti = pc;
        }
        return Some(pushed(vm));
    }
    // SAFETY: as above.
    let caller = unsafe { &mut *caller };
    let base = caller.slots.depth().checked_sub(n + 1 + method as usize)?;
    let stack = caller.slots.stack();
    let callable = stack.get(base)?;
    callable.payload::<crate::objects::function::PyFunction>()?;
    let callable = callable.clone();
    let self_arg = stack.get(base + 1).filter(|s| method && !s.is(&vm.null)).cloned();
    caller.pc = pc + 1;
    caller.lasti = pc;
    match vm.call_from_stack(callable, self_arg, n, &[], base, None) {
        Ok(true) => Some(pushed(vm)),
        Ok(false) => Some(Called::Word(0)),
        Err(e) => {
            runtime::set_error(e);
            Some(Called::Word(runtime::EXIT_RAISE | pc as u64))
        }
    }
}

/// A call compiled code had the interpreter do pushed a frame (now on top of
/// `vm.frames`): when that function is compiled, run it here and now, and when it returns
/// do the return as the loop would (its value pushed on the caller's stack): 0, so the
/// caller's compiled code goes on. Otherwise the exit word the caller leaves with:
/// `EXIT_SWITCHED` (the loop runs the callee from its `pc`, the caller comes back to
/// compiled code after), or `EXIT_RAISE`.
pub(crate) fn call_pushed(vm: &mut Vm) -> u64 {
    match pushed(vm) {
        Called::Word(w) => w,
        Called::Native { frame, compiled, start } => run_pushed(vm, compiled, frame, start),
    }
}

/// The frame on top of `vm.frames`, just pushed by a call (or a generator resumed): its
/// compiled code to run, or `EXIT_SWITCHED` when the loop must run it (not compiled,
/// not enterable there, tracing on, or the native stack low).
fn pushed(vm: &mut Vm) -> Called {
    let tracing = EVAL_BREAKER.load(Ordering::Relaxed) & layout::BREAK_TRACE != 0;
    if tracing || crate::vm::interp::stack_exhausted() {
        return Called::Word(runtime::EXIT_SWITCHED);
    }
    let Some(top) = vm.frames.last_mut() else { return Called::Word(runtime::EXIT_SWITCHED) };
    let frame: *mut Frame = &mut **top;
    // 0 for a call; after its last yield for a resumed generator.
    let start = top.pc;
    let Some(code) = top.code.payload::<Code>() else { return Called::Word(runtime::EXIT_SWITCHED) };
    let State::Compiled(compiled) = code.jit.state.get() else { return Called::Word(runtime::EXIT_SWITCHED) };
    if !(if start == 0 { compiled.entry0 } else { compiled.can_enter(start) }) {
        return Called::Word(runtime::EXIT_SWITCHED);
    }
    top.jit_reenter = false;
    Called::Native { frame, compiled, start }
}

/// The code object a frame on `vm.frames` runs.
///
/// # Safety
/// `frame` is live on `vm.frames` and stays there while the reference is used: its `code`
/// keeps the code object alive.
unsafe fn code_of<'a>(frame: *mut Frame) -> Option<&'a Code> {
    // SAFETY: the caller's promise.
    unsafe { (*frame).code.payload::<Code>().map(|c| &*(c as *const Code)) }
}

/// Runs the compiled code of the frame on top of `vm.frames` (pushed by a call, or a
/// generator resumed by a `ForIter`) from `start`, and finishes as `call_pushed` says.
fn run_pushed(vm: &mut Vm, compiled: &'static lower::Compiled, frame: *mut Frame, start: u32) -> u64 {
    // SAFETY: the frame is on top of `vm.frames` and stays there until it returns below.
    let Some(code) = (unsafe { code_of(frame) }) else { return runtime::EXIT_SWITCHED };
    let next = run(code, compiled, frame, vm, start, start != 0);
    pushed_done(vm, code, frame, next)
}

/// The end of a pushed frame's compiled run (`next`, as `finish` says): its return done
/// as the loop does it (0: the caller's compiled code goes on), or its yield, or the exit
/// word the caller leaves with.
fn pushed_done(vm: &mut Vm, code: &Code, frame: *mut Frame, next: Option<Next>) -> u64 {
    let done = |r: PyResult<()>| match r {
        Ok(()) => 0,
        Err(e) => {
            runtime::set_error(e);
            runtime::EXIT_RAISE
        }
    };
    match next {
        Some(Next::Resume(pc)) if is_op(code, pc, Op::ReturnValue) => {
            // SAFETY: the callee's frame is still on top of `vm.frames` (compiled code
            // left it at its `ReturnValue`).
            let (v, generator) = unsafe { ((*frame).slots.pop(), (*frame).generator.is_some()) };
            let Some(v) = v else {
                runtime::set_error(crate::vm::errors::system_error("JIT: return without a value"));
                return runtime::EXIT_RAISE;
            };
            let r = vm.return_to_caller(v);
            if generator && r.is_ok() {
                // A generator that finished ended its caller's `for` loop: the caller
                // goes on past it, in the interpreter.
                if let Some(c) = vm.frames.last().filter(|c| c.pc != c.lasti + 1) {
                    return runtime::EXIT_LEFT | c.pc as u64;
                }
            }
            done(r)
        }
        // SAFETY (both reads): the generator's frame is still on top (compiled code left
        // it at its `YieldValue`).
        Some(Next::Resume(pc)) if is_op(code, pc, Op::YieldValue) && unsafe { !(*frame).entry } => {
            // The interpreter's `YieldValue`: the frame suspends, the item goes to the
            // caller's stack (its `ForIter` then continues in compiled code).
            let v = unsafe {
                (*frame).lasti = pc;
                (*frame).pc = pc + 1;
                (*frame).slots.pop()
            };
            let Some(v) = v else {
                runtime::set_error(crate::vm::errors::system_error("JIT: yield without a value"));
                return runtime::EXIT_RAISE;
            };
            let r = vm.gen_yield_inline(v);
            done(r)
        }
        Some(Next::Resume(pc)) => {
            // SAFETY: as above: the callee's frame is live on top.
            unsafe { (*frame).pc = pc };
            runtime::EXIT_SWITCHED
        }
        Some(Next::Switched) | None => runtime::EXIT_SWITCHED,
        Some(Next::Raise(e)) => {
            runtime::set_error(e);
            runtime::EXIT_RAISE
        }
    }
}

/// `jit_call_enter`: the call compiled code makes at the top frame's `pc`, as
/// `call_direct`, stopping short of running the callee: its compiled function, with its
/// frame and `Compiled` in `out`, for the caller to call directly; or `None` with the
/// exit word in `out[0]` (the call was made some other way).
pub(crate) fn call_enter(vm: &mut Vm, n: usize, method: bool, out: &mut [u64; 2]) -> Option<u64> {
    match call_direct(vm, n, method) {
        Some(Called::Native { frame, compiled, start: 0 }) => {
            if STATS_ON.get() {
                stats::entered(0, false);
            }
            // SAFETY: the callee's frame was just pushed on `vm.frames`.
            unsafe { (*frame).jit_running = true };
            out[0] = frame as u64;
            out[1] = compiled as *const lower::Compiled as u64;
            Some(compiled.addr() as u64)
        }
        Some(Called::Native { frame, compiled, start }) => {
            out[0] = run_pushed(vm, compiled, frame, start);
            None
        }
        Some(Called::Word(w)) => {
            out[0] = w;
            None
        }
        None => {
            out[0] = runtime::jit_step(vm);
            None
        }
    }
}

/// `jit_call_done`: the callee `call_enter` gave compiled code returned `out`. A return
/// (the common case) pops its frame and pushes the value on the caller's stack; anything
/// else is finished as `run_pushed` would. 0: the caller goes on; else its exit word.
pub(crate) fn call_done(vm: &mut Vm, out: u64, frame: *mut Frame, compiled: &'static lower::Compiled) -> u64 {
    // SAFETY: `frame` is the callee's, still on `vm.frames` (compiled code never pops
    // its own frame).
    unsafe { (*frame).jit_running = false };
    if out & !0xffff_ffff == runtime::EXIT_RETURN {
        // SAFETY: as above; it is the top frame (it returned, so nothing above it is left).
        let v = unsafe { (*frame).slots.pop() };
        let Some(v) = v else {
            runtime::set_error(crate::vm::errors::system_error("JIT: return without a value"));
            return runtime::EXIT_RAISE;
        };
        return match vm.return_compiled(v) {
            Ok(()) => 0,
            Err(e) => {
                runtime::set_error(e);
                runtime::EXIT_RAISE
            }
        };
    }
    // SAFETY: as above.
    let Some(code) = (unsafe { code_of(frame) }) else { return runtime::EXIT_SWITCHED };
    let next = finish(code, compiled, frame, out);
    pushed_done(vm, code, frame, next)
}

/// `jit_push`: `Vm::push_call_compiled` when compiled code may run the callee itself
/// (not tracing, native stack to spare): the callee's frame, with its compiled code's
/// function and `Compiled` in `out`.
pub(crate) fn push_compiled(vm: &mut Vm, n: usize, method: bool, out: &mut [u64; 2]) -> Option<*mut Frame> {
    if EVAL_BREAKER.load(Ordering::Relaxed) & layout::BREAK_TRACE != 0 || crate::vm::interp::stack_exhausted() {
        return None;
    }
    let compiled = vm.push_call_compiled(n, method)?;
    if STATS_ON.get() {
        stats::entered(0, false);
    }
    out[0] = compiled.addr() as u64;
    out[1] = compiled as *const Compiled as u64;
    let top = vm.frames.last_mut()?;
    Some(&mut **top)
}
