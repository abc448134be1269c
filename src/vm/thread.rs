//! Thread states: each OS thread running Python code has its own `Vm` (frames, handled
//! exceptions, native depth, frame pool) sharing the interpreter-wide objects (modules,
//! builtins, `sys`); the registry of live threads (`sys._current_frames`,
//! `_thread._count`); starting threads; releasing the GIL around blocking work.
//!
//! A thread that does not hold the GIL cannot be inspected directly (its `Vm` is borrowed
//! by its own stack), so whenever a thread lets go of the GIL it publishes its top frame
//! object in the registry; `sys._current_frames` reads the running thread's frames live
//! and the others' published frames.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::types;
use crate::values::gil::{self, GilSend, GilStatic};
use crate::values::{Value, layout};
use crate::vm::{Args, Config, PyErr, PyResult, Vm};

/// One live thread, as the registry sees it.
struct ThreadRec {
    ident: u64,
    /// The top frame object published when the thread last released the GIL.
    top: Option<Value>,
    /// `_thread._set_sentinel()`'s lock: released when the thread's state is gone.
    sentinel: Option<Value>,
}

/// Live threads, oldest first.
static THREADS: GilStatic<RefCell<Vec<ThreadRec>>> = GilStatic::new(RefCell::new(Vec::new()));

static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);
static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);
static SERIAL: AtomicU64 = AtomicU64::new(1);
/// Threads started by `_thread.start_new_thread` still running (`_thread._count()`).
static COUNT: AtomicUsize = AtomicUsize::new(0);
/// `_thread.stack_size()` (0: the default).
pub static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
const DEFAULT_STACK: usize = 16 << 20;
/// Set once the main thread finished the program: it keeps the GIL from then on, so
/// daemon threads stay blocked until the process exits (CPython's finalizing state).
static FINALIZING: AtomicBool = AtomicBool::new(false);

/// `sys.is_finalizing()`.
pub fn is_finalizing() -> bool {
    FINALIZING.load(Ordering::Relaxed)
}

/// The OS thread id (`gettid`), read from procfs; a process-unique counter if unavailable.
fn os_thread_id() -> u64 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|s| s.to_str()).and_then(|s| s.parse().ok()))
        .unwrap_or_else(|| NEXT_IDENT.fetch_add(1, Ordering::Relaxed))
}

/// The per-thread part of a `Vm` that ties it to the GIL and the registry. Declared last
/// in `Vm`, so it drops after every other field: the thread's objects are released while
/// it still holds the GIL.
pub struct ThreadHandle {
    pub ident: u64,
    /// Never reused (idents are, once a thread ends): keys `threading.local` dicts.
    pub serial: u64,
    pub is_main: bool,
    /// This handle took the GIL (false for a nested `Vm` on a thread that already held it).
    owns_gil: bool,
}

thread_local! {
    /// Does this OS thread hold the GIL through a live `Vm`? (Nested VMs on one thread.)
    static HOLDS_GIL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl ThreadHandle {
    /// Registers the calling thread (taking the GIL unless it already holds it).
    fn register(is_main: bool, ident: Option<u64>) -> ThreadHandle {
        let owns_gil = !HOLDS_GIL.with(|h| h.replace(true));
        if owns_gil {
            gil::acquire();
        }
        let ident = ident.unwrap_or_else(os_thread_id);
        let mut t = THREADS.borrow_mut();
        if !t.iter().any(|r| r.ident == ident) {
            t.push(ThreadRec { ident, top: None, sentinel: None });
        }
        if is_main {
            MAIN_IDENT.store(ident, Ordering::Relaxed);
        }
        let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
        ThreadHandle { ident, serial, is_main, owns_gil }
    }
}

impl Drop for ThreadHandle {
    fn drop(&mut self) {
        let rec = {
            let mut t = THREADS.borrow_mut();
            t.iter().position(|r| r.ident == self.ident).map(|i| t.remove(i))
        };
        if let Some(rec) = rec {
            if let Some(s) = &rec.sentinel {
                crate::objects::lock::force_release(s);
            }
            drop(rec);
        }
        if self.owns_gil {
            HOLDS_GIL.with(|h| h.set(false));
            if !(self.is_main && FINALIZING.load(Ordering::Relaxed)) {
                gil::release();
            }
        }
    }
}

/// Runs blocking I/O `f` (touching no Python object) with the GIL released, when this
/// thread holds it; for callers without the `Vm` at hand (its top frame is not
/// republished, so `sys._current_frames` may show where it last let go of the GIL).
pub fn blocking<R>(f: impl FnOnce() -> R) -> R {
    if !HOLDS_GIL.with(|h| h.get()) || FINALIZING.load(Ordering::Relaxed) {
        return f();
    }
    gil::release();
    let r = f();
    gil::acquire();
    r
}

/// Holds the GIL until dropped (re-entrant on one thread): for code that makes objects
/// without a `Vm`, like unit tests of the compiler.
pub struct GilGuard(bool);

pub fn hold_gil() -> GilGuard {
    let owns = !HOLDS_GIL.with(|h| h.replace(true));
    if owns {
        gil::acquire();
    }
    GilGuard(owns)
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        if self.0 {
            HOLDS_GIL.with(|h| h.set(false));
            gil::release();
        }
    }
}

/// The main thread's state (called by `Vm::new`).
pub fn main_thread_handle() -> ThreadHandle {
    ThreadHandle::register(true, None)
}

/// The main thread finished: it keeps the GIL until the process exits.
pub fn set_finalizing() {
    FINALIZING.store(true, Ordering::Relaxed);
}

pub fn main_ident() -> u64 {
    MAIN_IDENT.load(Ordering::Relaxed)
}

pub fn thread_count() -> usize {
    COUNT.load(Ordering::Relaxed)
}

/// What a new thread's `Vm` shares with the interpreter.
struct Seed {
    builtins: Value,
    builtins_module: Value,
    modules: Value,
    sys: Value,
    null: Value,
    recursion_limit: usize,
    config: Config,
}

impl Vm {
    /// Runs `f` (blocking work that touches no Python object) without the GIL, so other
    /// threads run meanwhile.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        // Shutting down: the main thread keeps the GIL (daemon threads must not run
        // against torn-down modules).
        if FINALIZING.load(Ordering::Relaxed) {
            return f();
        }
        self.publish_top_frame();
        gil::release();
        let r = f();
        gil::acquire();
        r
    }

    /// A drop request from a thread waiting for the GIL (`BREAK_GIL_DROP`).
    pub fn yield_gil(&mut self) {
        if gil::has_waiters() && !FINALIZING.load(Ordering::Relaxed) {
            self.publish_top_frame();
            gil::yield_to_waiters();
        }
    }

    /// Leaves this thread's top frame object where other threads can find it (skipped
    /// while this is the only thread: starting a thread publishes first).
    fn publish_top_frame(&mut self) {
        if THREADS.borrow().len() < 2 {
            return;
        }
        self.publish_top_frame_now();
    }

    fn publish_top_frame_now(&mut self) {
        let top = match self.frames.len() {
            0 => None,
            n => Some(crate::vm::interp::frame_object_linked(self, n - 1)),
        };
        let ident = self.thread.ident;
        let old = {
            let mut t = THREADS.borrow_mut();
            t.iter_mut().find(|r| r.ident == ident).and_then(|r| std::mem::replace(&mut r.top, top))
        };
        drop(old);
    }

    /// `sys._current_frames()`: thread id → top frame, newest thread first (as CPython
    /// walks its thread list).
    pub fn current_frames(&mut self) -> Value {
        let me = self.thread.ident;
        let key = |ident: u64| {
            let k = new_int(ident as i64);
            let h = crate::objects::int::fast_hash(&k).unwrap_or(0);
            (h, k)
        };
        let single = THREADS.borrow().len() < 2;
        let d = if single {
            // The common case: only this thread, read live.
            match self.frames.len().checked_sub(1) {
                Some(n) => {
                    let fo = crate::vm::interp::frame_object_at(self, n);
                    let (h, k) = key(me);
                    PyDict::from_distinct(std::iter::once((h, k, fo)))
                }
                None => PyDict::new(),
            }
        } else {
            let recs: Vec<(u64, Option<Value>)> =
                THREADS.borrow().iter().rev().map(|r| (r.ident, r.top.clone())).collect();
            let mut items = Vec::with_capacity(recs.len());
            for (ident, top) in recs {
                let fo = if ident == me {
                    self.frames.len().checked_sub(1).map(|n| crate::vm::interp::frame_object_at(self, n))
                } else {
                    top
                };
                if let Some(fo) = fo {
                    let (h, k) = key(ident);
                    items.push((h, k, fo));
                }
            }
            PyDict::from_distinct(items.into_iter())
        };
        layout::alloc(&types().dict, d)
    }

    /// The `_thread._set_sentinel()` lock of this thread.
    pub fn set_sentinel(&mut self, lock: Value) {
        let ident = self.thread.ident;
        let old = {
            let mut t = THREADS.borrow_mut();
            t.iter_mut().find(|r| r.ident == ident).and_then(|r| r.sentinel.replace(lock))
        };
        drop(old);
    }

    fn seed(&self) -> Seed {
        Seed {
            builtins: self.builtins.clone(),
            builtins_module: self.builtins_module.clone(),
            modules: self.modules.clone(),
            sys: self.sys.clone(),
            null: self.null.clone(),
            recursion_limit: self.recursion_limit,
            config: self.config.clone(),
        }
    }
}

/// `_thread.start_new_thread(func, args, kwargs)`: a new OS thread with its own `Vm`
/// running `func(*args, **kwargs)`; its ident.
pub fn start_new_thread(vm: &mut Vm, func: Value, args: Vec<Value>, kwargs: Vec<(Value, Value)>) -> PyResult<u64> {
    let stack = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_STACK,
        n => n.max(1 << 20),
    };
    // The new thread may run before this one releases the GIL again: its
    // `sys._current_frames()` must already see where this thread is.
    vm.publish_top_frame_now();
    let payload = GilSend::new((vm.seed(), func, args, kwargs));
    let (tx, rx) = std::sync::mpsc::channel::<u64>();
    COUNT.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || {
        let ident = os_thread_id();
        let _ = tx.send(ident);
        // Registers (and takes the GIL) before touching any object.
        let handle = ThreadHandle::register(false, Some(ident));
        let (seed, func, args, kwargs) = payload.into_inner();
        crate::vm::interp::set_stack_budget(stack.saturating_sub(512 << 10));
        let mut tvm = Vm {
            frames: Vec::new(),
            builtins: seed.builtins,
            builtins_module: seed.builtins_module,
            modules: seed.modules,
            sys: seed.sys,
            handled: Vec::new(),
            recursion_limit: seed.recursion_limit,
            native_depth: 0,
            null: seed.null,
            reraising: false,
            frame_pool: Vec::new(),
            jit_stack_floor: 0,
            call_args: Vec::new(),
            config: seed.config,
            thread: handle,
            trace: Default::default(),
            context: None,
            async_hooks: Default::default(),
            c_depth: 0,
        };
        let mut vals = args;
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(k);
            vals.push(v);
        }
        let r = tvm.call(&func, Args::new(&vals, &names));
        drop(vals);
        drop(names);
        if let Err(e) = r {
            if !e.matches(&exc().system_exit) {
                let what = tvm.repr_string(&func).unwrap_or_default();
                tvm.report_unraisable(&format!("Exception ignored in thread started by: {what}"), &e.0);
            }
        }
        tvm.run_pending_finalizers();
        drop(func);
        COUNT.fetch_sub(1, Ordering::Relaxed);
        // Dropping the Vm releases the GIL last.
        drop(tvm);
    });
    match spawned {
        Ok(_) => Ok(vm.allow_threads(|| rx.recv().unwrap_or(0))),
        Err(_) => {
            COUNT.fetch_sub(1, Ordering::Relaxed);
            Err(PyErr::new(&exc().runtime_error, "can't start new thread"))
        }
    }
}

/// `threading._shutdown()` at exit, if `threading` was imported: joins the non-daemon
/// threads (errors are reported as unraisable, as CPython does).
pub fn shutdown_threads(vm: &mut Vm) {
    let Some(m) = vm.modules.payload::<PyDict>().and_then(|d| d.get_str("threading")) else { return };
    let f = match vm.getattr_opt(&m, "_shutdown") {
        Ok(Some(f)) => f,
        _ => return,
    };
    if let Err(e) = vm.call(&f, Args::positional_only(&[])) {
        let what = vm.repr_string(&f).unwrap_or_default();
        vm.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
    }
}

/// Is this the main thread?
pub fn is_main_thread(vm: &Vm) -> bool {
    vm.thread.is_main
}
