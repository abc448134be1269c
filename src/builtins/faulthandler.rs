//! The `faulthandler` module: `enable`/`disable`/`is_enabled` install handlers for the
//! fatal signals (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) that write "Fatal Python
//! error: ..." and the Python stack of the thread that enabled it to the chosen fd, then
//! let the previous action run; `dump_traceback` writes the stacks now; `_sigsegv`,
//! `_sigabrt`, `_sigfpe`, `_read_null` crash on purpose, as CPython's tests use them. The
//! text is traceback.c's (`File "...", line N in name`, at most 100 frames, non-ASCII
//! escaped). Not done: `dump_traceback_later`, `register`/`unregister`, the stacks of
//! other threads from a signal handler.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicU64, Ordering};

use crate::bytecode::code::Code;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::value_error;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const MAX_FRAME_DEPTH: usize = 100;
const MAX_STRING_LENGTH: usize = 500;

/// The fatal signals and the names the report gives them.
const SIGNALS: [(libc::c_int, &str); 5] = [
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

static ENABLED: AtomicBool = AtomicBool::new(false);
static FD: AtomicI32 = AtomicI32::new(2);
static ALL_THREADS: AtomicBool = AtomicBool::new(true);
/// The main thread's `Vm` when it called `enable` (its stack is the one a handler can
/// read; the main `Vm` lives as long as the program runs, unlike other threads').
static VM: AtomicPtr<Vm> = AtomicPtr::new(std::ptr::null_mut());
static VM_THREAD: AtomicU64 = AtomicU64::new(0);
/// The file object `enable` was given, kept alive while its fd is in use.
static FILE: crate::values::gil::GilStatic<std::cell::RefCell<Option<Value>>> =
    crate::values::gil::GilStatic::new(std::cell::RefCell::new(None));

/// The actions the handlers replaced, restored by `disable` and by the handler itself.
struct Previous(UnsafeCell<[MaybeUninit<libc::sigaction>; 5]>);
// SAFETY: written only by `enable` (under the GIL, before the handlers are installed)
// and read by `disable` (under the GIL) and by a handler, which only runs while they
// are installed, i.e. after the write and before any rewrite.
unsafe impl Sync for Previous {}
static PREVIOUS: Previous = Previous(UnsafeCell::new([MaybeUninit::uninit(); 5]));

/// A writer to an fd that allocates nothing (signal handlers may not).
struct FdOut {
    fd: libc::c_int,
    buf: [u8; 512],
    len: usize,
}

impl FdOut {
    fn new(fd: libc::c_int) -> FdOut {
        FdOut { fd, buf: [0; 512], len: 0 }
    }
    fn flush(&mut self) {
        let mut off = 0;
        while off < self.len {
            // SAFETY: `buf[off..len]` is initialised memory of this writer.
            let r = unsafe { libc::write(self.fd, self.buf[off..self.len].as_ptr().cast(), self.len - off) };
            if r <= 0 {
                break;
            }
            off += r as usize;
        }
        self.len = 0;
    }
    fn bytes(&mut self, b: &[u8]) {
        for &c in b {
            if self.len == self.buf.len() {
                self.flush();
            }
            self.buf[self.len] = c;
            self.len += 1;
        }
    }
    fn hex(&mut self, v: u64, width: usize) {
        let mut digits = [b'0'; 16];
        let mut n = v;
        let mut i = 16;
        while n > 0 && i > 0 {
            i -= 1;
            digits[i] = b"0123456789abcdef"[(n & 15) as usize];
            n >>= 4;
        }
        let start = (16 - width.clamp(1, 16)).min(i);
        self.bytes(&digits[start..]);
    }
    fn decimal(&mut self, v: u64) {
        let mut digits = [0u8; 20];
        let mut i = 20;
        let mut n = v;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes(&digits[i..]);
    }
    /// `_Py_DumpASCII`: printable ASCII as is, other characters as \x, \u or \U escapes.
    fn ascii(&mut self, s: &str) {
        for (n, ch) in s.chars().enumerate() {
            if n == MAX_STRING_LENGTH {
                self.bytes(b"...");
                break;
            }
            let c = ch as u32;
            if (0x20..=0x7e).contains(&c) {
                self.bytes(&[c as u8]);
            } else if c <= 0xff {
                self.bytes(b"\\x");
                self.hex(c as u64, 2);
            } else if c <= 0xffff {
                self.bytes(b"\\u");
                self.hex(c as u64, 4);
            } else {
                self.bytes(b"\\U");
                self.hex(c as u64, 8);
            }
        }
    }
}

/// One `File "...", line N in name` line.
fn dump_frame(out: &mut FdOut, filename: Option<&str>, line: Option<u32>, name: Option<&str>) {
    out.bytes(b"  File ");
    match filename {
        Some(f) => {
            out.bytes(b"\"");
            out.ascii(f);
            out.bytes(b"\"");
        }
        None => out.bytes(b"???"),
    }
    out.bytes(b", line ");
    match line {
        Some(l) => out.decimal(l as u64),
        None => out.bytes(b"???"),
    }
    out.bytes(b" in ");
    out.ascii(name.unwrap_or("???"));
    out.bytes(b"\n");
}

/// The frames of `vm`, innermost first (reads only; allocates nothing).
fn dump_vm_frames(out: &mut FdOut, vm: &Vm) {
    if vm.frames.is_empty() {
        out.bytes(b"  <no Python frame>\n");
        return;
    }
    for (depth, f) in vm.frames.iter().rev().enumerate() {
        if depth == MAX_FRAME_DEPTH {
            out.bytes(b"  ...\n");
            break;
        }
        let code = f.code.payload::<Code>();
        let filename = code.and_then(|c| c.filename.as_str());
        let name = code.and_then(|c| c.name.as_str());
        dump_frame(out, filename, code.map(|_| f.line()), name);
    }
}

fn thread_header(out: &mut FdOut, ident: u64, current: bool) {
    out.bytes(if current { b"Current thread 0x" } else { b"Thread 0x" });
    out.hex(ident, 16);
    out.bytes(b" (most recent call first):\n");
}

extern "C" fn fatal_handler(signum: libc::c_int) {
    if !ENABLED.load(Ordering::SeqCst) {
        return;
    }
    let Some(i) = SIGNALS.iter().position(|(s, _)| *s == signum) else { return };
    // SAFETY: errno is this thread's; the handler restores it before returning.
    let saved_errno = unsafe { *libc::__errno_location() };
    // SAFETY: the handler runs only while installed, so `enable` filled this slot.
    let prev = unsafe { (*PREVIOUS.0.get())[i].assume_init() };
    // SAFETY: restores the action this handler replaced (async-signal-safe).
    unsafe { libc::sigaction(signum, &prev, std::ptr::null_mut()) };
    let mut out = FdOut::new(FD.load(Ordering::SeqCst));
    out.bytes(b"Fatal Python error: ");
    out.bytes(SIGNALS[i].1.as_bytes());
    out.bytes(b"\n\n");
    // SAFETY: pthread_self and gettid are async-signal-safe.
    let (me, tid) = unsafe { (libc::pthread_self() as u64, libc::gettid() as u64) };
    let vm = VM.load(Ordering::SeqCst);
    let all = ALL_THREADS.load(Ordering::SeqCst);
    if all {
        // pylift's thread idents (`threading.get_ident()`) are the kernel's thread ids.
        thread_header(&mut out, tid, true);
    } else {
        out.bytes(b"Stack (most recent call first):\n");
    }
    if !vm.is_null() && VM_THREAD.load(Ordering::SeqCst) == me {
        // SAFETY: `vm` is the enabling thread's `Vm`, which lives while that thread runs,
        // and this is that thread, stopped in the handler: nothing mutates it meanwhile
        // (a fault in the middle of a frame push may show a torn stack, as in CPython).
        dump_vm_frames(&mut out, unsafe { &*vm });
    } else {
        out.bytes(b"  <no Python frame>\n");
    }
    out.flush();
    // SAFETY: errno and raise are this thread's; the previous action runs now (the
    // handler was installed with SA_NODEFER).
    unsafe {
        *libc::__errno_location() = saved_errno;
        libc::raise(signum);
        // A previous handler that returned (the Rust runtime's stack-overflow check does
        // for faults outside a guard page) leaves the default action, as for CPython.
        libc::signal(signum, libc::SIG_DFL);
        libc::raise(signum);
    }
}

/// `faulthandler_get_fileno`: None means sys.stderr; an int is an fd; else the file's
/// `fileno()`, after flushing it.
fn file_fd(vm: &mut Vm, file: Option<&Value>) -> PyResult<(libc::c_int, Value)> {
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f.clone(),
        None => {
            let err = crate::builtins::io::sys_attr(vm, "stderr").filter(|e| !e.is_none());
            err.ok_or_else(|| crate::vm::errors::runtime_error("sys.stderr is None"))?
        }
    };
    if let Some(i) = crate::objects::int::int_val(&file) {
        let n = i.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or_else(|| {
            crate::vm::errors::PyErr::new(
                &crate::objects::registry::exc().overflow_error,
                "Python int too large to convert to C int",
            )
        })?;
        if n < 0 {
            return Err(value_error("file is not a valid file descripter"));
        }
        return Ok((n, file));
    }
    let r = vm.call_method(&file, "fileno", &[])?;
    let fd = crate::objects::int::int_val(&r).and_then(|i| i.as_i64()).unwrap_or(-1);
    if fd < 0 || fd > i32::MAX as i64 {
        return Err(value_error("file is not a valid file descripter"));
    }
    let _ = vm.call_method(&file, "flush", &[]);
    Ok((fd as libc::c_int, file))
}

fn bool_arg(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// `enable(file=sys.stderr, all_threads=True)`.
fn f_enable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("enable", &["file", "all_threads"], 0)?;
    let (fd, file) = file_fd(vm, b[0].as_ref())?;
    let all = bool_arg(vm, b[1].as_ref(), true)?;
    *FILE.borrow_mut() = Some(file);
    FD.store(fd, Ordering::SeqCst);
    ALL_THREADS.store(all, Ordering::SeqCst);
    let main = if vm.thread.is_main { vm as *mut Vm } else { std::ptr::null_mut() };
    VM.store(main, Ordering::SeqCst);
    // SAFETY: pthread_self has no preconditions.
    VM_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::SeqCst);
    if !ENABLED.swap(true, Ordering::SeqCst) {
        for (i, (sig, _)) in SIGNALS.iter().enumerate() {
            // SAFETY: `sigaction` is plain old data; all-zero is a valid value.
            let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
            act.sa_sigaction = fatal_handler as *const () as usize;
            act.sa_flags = libc::SA_NODEFER | libc::SA_ONSTACK;
            // SAFETY: `act.sa_mask` is a sigset owned by this frame.
            unsafe { libc::sigemptyset(&mut act.sa_mask) };
            // SAFETY: the GIL is held and no handler of ours is installed for `sig` yet,
            // so nothing reads this slot while it is written.
            let slot = unsafe { &mut (*PREVIOUS.0.get())[i] };
            // SAFETY: both pointers are valid sigaction structs.
            unsafe { libc::sigaction(*sig, &act, slot.as_mut_ptr()) };
        }
    }
    Ok(none())
}

/// Restores the replaced actions; was anything enabled?
fn disable_handlers() -> bool {
    if !ENABLED.swap(false, Ordering::SeqCst) {
        return false;
    }
    for (i, (sig, _)) in SIGNALS.iter().enumerate() {
        // SAFETY: `enable` filled every slot before setting ENABLED.
        let prev = unsafe { (*PREVIOUS.0.get())[i].assume_init() };
        // SAFETY: a valid sigaction struct.
        unsafe { libc::sigaction(*sig, &prev, std::ptr::null_mut()) };
    }
    true
}

fn f_disable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("disable")?;
    let was = disable_handlers();
    VM.store(std::ptr::null_mut(), Ordering::SeqCst);
    let old = FILE.borrow_mut().take();
    drop(old);
    Ok(py_bool(was))
}

fn f_is_enabled(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("is_enabled")?;
    Ok(py_bool(ENABLED.load(Ordering::SeqCst)))
}

/// `dump_traceback(file=sys.stderr, all_threads=True)`: this thread's stack, and with
/// `all_threads` every thread's (where each last released the GIL), newest thread first.
fn f_dump_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("dump_traceback", &["file", "all_threads"], 0)?;
    let (fd, _file) = file_fd(vm, b[0].as_ref())?;
    let all = bool_arg(vm, b[1].as_ref(), true)?;
    let mut out = FdOut::new(fd);
    if !all {
        out.bytes(b"Stack (most recent call first):\n");
        dump_vm_frames(&mut out, vm);
        out.flush();
        return Ok(none());
    }
    let me = vm.thread.ident;
    let frames = vm.current_frames();
    let items = frames.payload::<PyDict>().map(|d| d.items()).unwrap_or_default();
    for (n, (ident, top)) in items.iter().enumerate() {
        if n > 0 {
            out.bytes(b"\n");
        }
        let ident = crate::objects::int::int_val(ident).and_then(|i| i.as_i64()).unwrap_or(0) as u64;
        thread_header(&mut out, ident, ident == me);
        if ident == me {
            dump_vm_frames(&mut out, vm);
            continue;
        }
        let mut f = top.clone();
        let mut depth = 0;
        while !f.is_none() {
            if depth == MAX_FRAME_DEPTH {
                out.bytes(b"  ...\n");
                break;
            }
            let code = vm.getattr_str(&f, "f_code")?;
            let filename = vm.getattr_str(&code, "co_filename")?;
            let name = vm.getattr_str(&code, "co_name")?;
            let line = vm.getattr_str(&f, "f_lineno")?;
            let line = crate::objects::int::int_val(&line).and_then(|i| i.as_i64()).map(|l| l as u32);
            dump_frame(&mut out, filename.as_str(), line, name.as_str());
            f = vm.getattr_str(&f, "f_back")?;
            depth += 1;
        }
    }
    if items.is_empty() {
        thread_header(&mut out, me, true);
        out.bytes(b"  <no Python frame>\n");
    }
    out.flush();
    Ok(none())
}

/// `_sigsegv()`, `_sigabrt()`, `_sigfpe()`: raise the signal, as CPython's test helpers.
fn raise(sig: libc::c_int) -> PyResult {
    // SAFETY: raise has no memory arguments.
    unsafe { libc::raise(sig) };
    Ok(none())
}

fn f_sigsegv(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.range("_sigsegv", 0, 1)?;
    raise(libc::SIGSEGV)
}

fn f_sigabrt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_sigabrt")?;
    raise(libc::SIGABRT)
}

fn f_sigfpe(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_sigfpe")?;
    raise(libc::SIGFPE)
}

/// `_read_null()`: a real invalid read.
fn f_read_null(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_read_null")?;
    let p: *const i32 = std::hint::black_box(std::ptr::null());
    // SAFETY: deliberately not safe: this reads address 0 to fault, which is this
    // function's whole purpose (testing the fatal handler).
    let v = unsafe { std::ptr::read_volatile(p) };
    Ok(new_int(v as i64))
}

pub fn register() {
    crate::vm::interp::register_native("faulthandler", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("faulthandler");
    let d = module_dict(&m);
    for (name, f) in [
        ("enable", f_enable as crate::vm::NativeFn),
        ("disable", f_disable),
        ("is_enabled", f_is_enabled),
        ("dump_traceback", f_dump_traceback),
        ("_sigsegv", f_sigsegv),
        ("_sigabrt", f_sigabrt),
        ("_sigfpe", f_sigfpe),
        ("_read_null", f_read_null),
    ] {
        add_function(&d, "faulthandler", name, f);
    }
    Ok(m)
}
