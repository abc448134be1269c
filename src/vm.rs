//! The virtual machine: per-thread state, the frame stack, the interpreter loop, calls,
//! the object protocols (attributes, operators, iteration) and start-up.
//!
//! Python-to-Python calls push a `Frame` on `Vm::frames` and continue in the same loop
//! (`interp::run`), so they never recurse on the Rust stack. Native code that must call
//! back into Python (a `key=` function, `__eq__` in a dict lookup) re-enters the loop with
//! a fresh entry frame; that nesting is bounded by the recursion limit.

pub mod args;
pub mod call;
pub mod errors;
pub mod exit;
pub mod frame;
pub mod gc;
pub mod interp;
pub mod ops;
pub mod protocol;
pub mod startup;
pub mod thread;
pub mod trace;
pub mod traceback;

pub use args::{ArgVec, Args, NativeFn};
pub use errors::{PyErr, PyResult};

use crate::values::Value;
use frame::Frame;

/// How many finished frames `Vm::frame_pool` keeps.
pub const FRAME_POOL_MAX: usize = 64;

/// Interpreter state of one thread.
pub struct Vm {
    /// The frame stack; the last entry is the running frame.
    pub frames: Vec<Box<Frame>>,
    /// The `builtins` module's dict.
    pub builtins: Value,
    /// The `builtins` module.
    pub builtins_module: Value,
    /// `sys.modules`.
    pub modules: Value,
    /// The `sys` module.
    pub sys: Value,
    /// Stack of exceptions being handled (`sys.exc_info()` is the last), as pushed by
    /// `PushExcInfo` and popped by `PopExcept`.
    pub handled: Vec<Option<Value>>,
    pub recursion_limit: usize,
    /// Recursion levels lent to native calls that count as one in CPython (`repr`):
    /// `recursion_limit` is lowered by this much while they run.
    pub c_depth: usize,
    /// Depth of nested `interp::run` calls on the Rust stack (native → Python re-entries).
    pub native_depth: usize,
    /// The marker `LoadMethod` pushes when no `self` goes with the callable.
    pub null: Value,
    /// Set by `Reraise`/bare `raise`: the unwinder adds no traceback entry for it.
    pub reraising: bool,
    /// Finished frames kept for reuse (their vectors keep their capacity), at most
    /// `FRAME_POOL_MAX`.
    pub frame_pool: Vec<Box<frame::Frame>>,
    /// The lowest native stack address compiled code may call further from (this
    /// thread's `interp::stack_floor`, stored when compiled code is entered): its inline
    /// calls compare the stack pointer with it.
    pub jit_stack_floor: usize,
    /// A reused argument buffer for the loop's calls of native callables (a nested call
    /// finds it taken and uses a fresh one).
    pub call_args: Vec<Value>,
    /// Options from the command line (`-X` and pylift's own flags).
    pub config: Config,
    /// This thread's current `contextvars.Context` (made on first use).
    pub context: Option<Value>,
    /// `sys.set_asyncgen_hooks` and `sys.set_coroutine_origin_tracking_depth` state.
    pub async_hooks: crate::objects::generator::AsyncHooks,
    /// This thread's ident and GIL ownership; last, so it drops after the other fields
    /// (released under the GIL).
    pub thread: thread::ThreadHandle,
    /// `sys.settrace`/`sys.setprofile` state of this thread.
    pub trace: trace::TraceState,
}

/// Command-line options the VM consults.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub dump_bytecode: bool,
    pub unbuffered: bool,
    /// `-x`: skip the script's first line (still counted in line numbers).
    pub skip_first_line: bool,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub no_jit: bool,
    pub jit_stats: bool,
    /// `--jit=...` options (`all`, `deopt-stress`, `threshold=N`) and `--jit-stats=DEST`.
    pub jit_opts: Vec<String>,
    pub xoptions: Vec<String>,
    pub argv: Vec<String>,
    /// The interpreter's own arguments as given (`sys.orig_argv`).
    pub orig_argv: Vec<String>,
    /// `-W` options in order (`sys.warnoptions`).
    pub warnoptions: Vec<String>,
    /// The other command-line flags (`sys.flags`).
    pub flags: startup::sys::Flags,
    /// `--check-hash-based-pycs`: `always` or `never` override what a hash-based `.pyc`
    /// asks for (empty: `default`).
    pub check_hash_based_pycs: String,
}
