//! The `_signal` module under CPython's `signal.py`, and the process's signal delivery.
//! A C handler only marks the signal pending (and writes the wakeup fd); the main thread
//! runs the Python handler at its next eval-breaker check, as CPython's
//! `PyErr_CheckSignals` does. The loop and compiled loops poll one byte, `TRIPPED`, so a
//! quiet process pays nothing more than it did for Ctrl-C alone.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::{none, types};
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// Linux's `NSIG` (signals 1..=64).
const NSIG: usize = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// Some signal is pending (the byte compiled loops poll at their back edges).
static TRIPPED: AtomicBool = AtomicBool::new(false);
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// The Python-level handler of each signal (`None`: as the process started, which for
/// SIGINT is `default_int_handler`).
static HANDLERS: GilStatic<std::cell::RefCell<Vec<Option<Value>>>> =
    GilStatic::new(std::cell::RefCell::new(Vec::new()));

extern "C" fn on_signal(sig: libc::c_int) {
    // Only atomics and `write` here: both are async-signal-safe.
    if let Some(p) = PENDING.get(sig as usize) {
        p.store(true, Ordering::SeqCst);
    }
    TRIPPED.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: errno is saved and restored around `write`, which reads one byte of a
        // live local; a full pipe or closed fd only makes it fail.
        unsafe {
            let saved = *libc::__errno_location();
            libc::write(fd, (&byte as *const u8).cast(), 1);
            *libc::__errno_location() = saved;
        }
    }
}

/// Points `sig` at `on_signal` (`Some`), or at SIG_DFL/SIG_IGN; the OS error otherwise.
fn set_os_handler(sig: i32, action: Option<libc::sighandler_t>) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value; `sigaction`
    // reads it and the handler is an `extern "C" fn(c_int)` that lives forever.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action.unwrap_or(on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t);
        sa.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Installs the start-up SIGINT handler: Ctrl-C is raised as KeyboardInterrupt.
pub fn install_sigint_handler() {
    let _ = set_os_handler(libc::SIGINT, None);
}

/// Is a signal waiting to be handled?
#[inline(always)]
pub fn pending() -> bool {
    TRIPPED.load(Ordering::Relaxed)
}

/// The address of the pending byte (nonzero when set).
pub fn tripped_addr() -> *const u8 {
    (&TRIPPED as *const AtomicBool).cast()
}

/// Consumes a pending SIGINT (the REPL's Ctrl-C at the prompt).
pub fn take_sigint() -> bool {
    let hit = PENDING[libc::SIGINT as usize].swap(false, Ordering::SeqCst);
    if hit && !PENDING.iter().any(|p| p.load(Ordering::SeqCst)) {
        TRIPPED.store(false, Ordering::SeqCst);
    }
    hit
}

/// Marks SIGINT pending (`_thread.interrupt_main`).
pub fn simulate_sigint() {
    PENDING[libc::SIGINT as usize].store(true, Ordering::SeqCst);
    TRIPPED.store(true, Ordering::SeqCst);
}

/// Runs the Python handlers of pending signals (main thread only). A handler's exception
/// is returned and the signals not yet handled stay pending.
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    if !TRIPPED.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let h = HANDLERS.borrow().get(sig).cloned().flatten();
        let r = match h {
            None if sig == libc::SIGINT as usize => Err(PyErr::bare(&exc().keyboard_interrupt)),
            Some(h) if h.as_small().is_none() && !h.is_none() => {
                let frame = match vm.frames.len() {
                    0 => none(),
                    n => crate::vm::interp::frame_object_at(vm, n - 1),
                };
                vm.call_pos(&h, &[new_int(sig as i64), frame]).map(drop)
            }
            _ => Ok(()),
        };
        if let Err(e) = r {
            TRIPPED.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = crate::builtins::posix::int_arg(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn os_error(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    crate::builtins::posix::io_err(vm, e, None)
}

fn main_only(vm: &Vm, what: &str) -> PyResult<()> {
    if vm.thread.is_main {
        return Ok(());
    }
    Err(value_error(format!("{what} only works in main thread of the main interpreter")))
}

/// The handler `getsignal` reports for `sig` when Python never set one: what the OS has.
fn initial_handler(sig: usize) -> Value {
    if sig == libc::SIGINT as usize {
        if let Some(h) = DEFAULT_INT_HANDLER.borrow().clone() {
            // SAFETY: a zeroed sigaction is valid output space; a null `act` only queries.
            let ours = unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(sig as i32, std::ptr::null(), &mut old) == 0
                    && old.sa_sigaction == on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
            };
            if ours {
                return h;
            }
        }
    }
    // SAFETY: as above.
    let cur = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig as i32, std::ptr::null(), &mut old) != 0 {
            return none();
        }
        old.sa_sigaction
    };
    match cur {
        libc::SIG_DFL => new_int(SIG_DFL),
        libc::SIG_IGN => new_int(SIG_IGN),
        _ => none(),
    }
}

static DEFAULT_INT_HANDLER: GilStatic<std::cell::RefCell<Option<Value>>> =
    GilStatic::new(std::cell::RefCell::new(None));

fn current_handler(sig: usize) -> Value {
    HANDLERS.borrow().get(sig).cloned().flatten().unwrap_or_else(|| initial_handler(sig))
}

fn s_signal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [signum, handler] = args.exact::<2>("signal")?;
    let sig = signum_arg(vm, signum)?;
    main_only(vm, "signal")?;
    let action = match handler.as_small() {
        Some(SIG_DFL) if crate::objects::int::is_int(handler) => Some(libc::SIG_DFL),
        Some(SIG_IGN) if crate::objects::int::is_int(handler) => Some(libc::SIG_IGN),
        _ if crate::builtins::core::is_callable(vm, handler) => None,
        _ => {
            return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        }
    };
    let old = current_handler(sig);
    // Run what is already pending under the old handler first, as CPython does.
    check_signals(vm)?;
    if let Err(e) = set_os_handler(sig as i32, action) {
        return Err(os_error(vm, &e));
    }
    let mut hs = HANDLERS.borrow_mut();
    if hs.len() < NSIG {
        hs.resize(NSIG, None);
    }
    hs[sig] = Some(handler.clone());
    Ok(old)
}

fn s_getsignal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [signum] = args.exact::<1>("getsignal")?;
    let sig = signum_arg(vm, signum)?;
    Ok(current_handler(sig))
}

fn s_default_int_handler(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(PyErr::bare(&exc().keyboard_interrupt))
}

fn s_raise_signal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [signum] = args.exact::<1>("raise_signal")?;
    let sig = signum_arg(vm, signum)?;
    // SAFETY: `raise` delivers a signal to this thread; handlers are ours or the OS's.
    if unsafe { libc::raise(sig as i32) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_error(vm, &e));
    }
    if vm.thread.is_main {
        check_signals(vm)?;
    }
    Ok(none())
}

fn s_alarm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [secs] = args.exact::<1>("alarm")?;
    let n = crate::builtins::posix::int_arg(vm, secs)?;
    let n = u32::try_from(n)
        .map_err(|_| PyErr::new(&exc().overflow_error, "Python int too large to convert to C unsigned long"))?;
    // SAFETY: `alarm` only arms the process's timer.
    Ok(new_int(unsafe { libc::alarm(n) } as i64))
}

fn s_pause(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("pause")?;
    // SAFETY: `pause` blocks until a signal handler ran; no Python state is touched.
    vm.allow_threads(|| unsafe { libc::pause() });
    check_signals(vm)?;
    Ok(none())
}

fn s_set_wakeup_fd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("set_wakeup_fd", &["fd", "warn_on_full_buffer"], 1)?;
    let fd = crate::builtins::posix::int_arg(vm, b[0].as_ref().unwrap_or(&none()))?;
    main_only(vm, "set_wakeup_fd")?;
    let fd = i32::try_from(fd).map_err(|_| value_error(format!("invalid fd: {fd}")))?;
    if fd != -1 {
        // SAFETY: zeroed `stat` is valid output space; fstat/fcntl only query the fd.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(fd, &mut st) != 0 {
                let e = std::io::Error::last_os_error();
                return Err(os_error(vm, &e));
            }
            if libc::fcntl(fd, libc::F_GETFL) & libc::O_NONBLOCK == 0 {
                return Err(value_error(format!("the fd {fd} must be in non-blocking mode")));
            }
        }
    }
    Ok(new_int(WAKEUP_FD.swap(fd, Ordering::SeqCst) as i64))
}

fn sigset_to_set(vm: &mut Vm, set: &libc::sigset_t) -> PyResult {
    let mut items = Vec::new();
    for sig in 1..NSIG as i32 {
        // SAFETY: `sigismember` only reads the set.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            items.push(new_int(sig as i64));
        }
    }
    vm.call_pos(&types().set.clone(), &[crate::objects::list::new_list(items)])
}

fn empty_sigset() -> libc::sigset_t {
    // SAFETY: zeroed is valid storage; `sigemptyset` then initialises it.
    unsafe {
        let mut s: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut s);
        s
    }
}

fn s_valid_signals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("valid_signals")?;
    let mut s = empty_sigset();
    // SAFETY: fills the initialised set.
    unsafe { libc::sigfillset(&mut s) };
    sigset_to_set(vm, &s)
}

fn s_pthread_sigmask(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [how, mask] = args.exact::<2>("pthread_sigmask")?;
    let how = crate::builtins::posix::int_arg(vm, how)? as i32;
    let mut set = empty_sigset();
    for v in vm.to_vec(mask)? {
        let n = crate::builtins::posix::int_arg(vm, &v)?;
        if n < 1 || n >= NSIG as i64 {
            return Err(value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: adds a checked signal number to an initialised set.
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    let mut old = empty_sigset();
    // SAFETY: both sets are initialised; the call only changes this thread's mask.
    let err = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if err != 0 {
        return Err(crate::builtins::posix::errno_err(vm, err, None, None));
    }
    check_signals(vm)?;
    sigset_to_set(vm, &old)
}

fn s_sigpending(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("sigpending")?;
    let mut set = empty_sigset();
    // SAFETY: writes the initialised set.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_error(vm, &e));
    }
    sigset_to_set(vm, &set)
}

fn s_pthread_kill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [tid, signum] = args.exact::<2>("pthread_kill")?;
    let tid = crate::objects::int::to_bigint(tid)
        .and_then(|b| u64::try_from(b).ok())
        .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(tid))))?;
    let sig = crate::builtins::posix::int_arg(vm, signum)? as i32;
    // SAFETY: the caller names a live thread (as in C); an unknown one gives ESRCH.
    let err = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if err != 0 {
        return Err(crate::builtins::posix::errno_err(vm, err, None, None));
    }
    check_signals(vm)?;
    Ok(none())
}

fn s_siginterrupt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [signum, flag] = args.exact::<2>("siginterrupt")?;
    let sig = signum_arg(vm, signum)?;
    let flag = vm.truthy(flag)?;
    // SAFETY: reads and rewrites this signal's action with SA_RESTART toggled.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig as i32, std::ptr::null(), &mut sa) == 0 {
            if flag {
                sa.sa_flags &= !libc::SA_RESTART;
            } else {
                sa.sa_flags |= libc::SA_RESTART;
            }
            libc::sigaction(sig as i32, &sa, std::ptr::null_mut());
        }
    }
    Ok(none())
}

fn s_strsignal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [signum] = args.exact::<1>("strsignal")?;
    let sig = signum_arg(vm, signum)?;
    // SAFETY: `strsignal` returns a NUL-terminated string, copied at once (the GIL keeps
    // other threads of ours from calling it meanwhile).
    let s = unsafe {
        let p = libc::strsignal(sig as i32);
        if p.is_null() {
            return Ok(none());
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if s.contains("Unknown signal") {
        return Ok(none());
    }
    Ok(new_str(s))
}

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("NSIG", NSIG as i32),
    ("SIG_DFL", SIG_DFL as i32),
    ("SIG_IGN", SIG_IGN as i32),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

pub fn register() {
    crate::vm::interp::register_native("_signal", init_signal);
}

fn init_signal(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_signal");
    let d = module_dict(&m);
    for (name, f) in [
        ("signal", s_signal as crate::vm::NativeFn),
        ("getsignal", s_getsignal),
        ("default_int_handler", s_default_int_handler),
        ("raise_signal", s_raise_signal),
        ("alarm", s_alarm),
        ("pause", s_pause),
        ("set_wakeup_fd", s_set_wakeup_fd),
        ("valid_signals", s_valid_signals),
        ("pthread_sigmask", s_pthread_sigmask),
        ("pthread_kill", s_pthread_kill),
        ("sigpending", s_sigpending),
        ("siginterrupt", s_siginterrupt),
        ("strsignal", s_strsignal),
    ] {
        add_function(&d, "_signal", name, f);
    }
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    for (name, v) in SIGNALS {
        dd.set_str(new_str(*name), new_int(*v as i64));
    }
    *DEFAULT_INT_HANDLER.borrow_mut() = dd.get_str("default_int_handler");
    Ok(m)
}
