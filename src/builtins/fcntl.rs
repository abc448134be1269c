//! The `fcntl` module: `fcntl`, `ioctl` (int, read-only buffer, or mutable buffer
//! argument), `flock` and `lockf` over libc, with fcntlmodule.c's argument rules, the
//! GIL released around calls that may block, and the F_*/LOCK_*/DN_* constants.

use crate::builtins::posix::{errno_err, int_arg};
use crate::builtins::select::fileno;
use crate::objects::bytes::{PyByteArray, PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::{int_val, new_int};
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// fcntlmodule.c's stack buffer: the most a buffer argument may hold.
const BUF_SIZE: usize = 1024;

/// Runs `call` with the GIL released until it does not fail with EINTR (running signal
/// handlers in between, PEP 475); an OSError from errno otherwise.
fn retry(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let (r, err) = vm.allow_threads(|| (call(), std::io::Error::last_os_error().raw_os_error().unwrap_or(0)));
        if r != -1 {
            return Ok(r);
        }
        if err != libc::EINTR {
            return Err(errno_err(vm, err, None, None));
        }
        crate::builtins::signal::check_signals(vm)?;
    }
}

/// A C `int` argument: `__index__`, then OverflowError outside i32.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::new(&exc().overflow_error, "Python int too large to convert to C int"))
}

/// An int argument reduced modulo 2**bits, as the "I"/"k" formats take it unchecked.
fn masked(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    let i = crate::builtins::numeric::index(vm, v)?;
    let b = int_val(&i).map(|i| i.to_bigint()).unwrap_or_default();
    let m: num_bigint::BigInt = num_integer::Integer::mod_floor(&b, &(num_bigint::BigInt::from(1u8) << 64));
    Ok(num_traits::ToPrimitive::to_u64(&m).unwrap_or(0))
}

/// The `s#` format: a str (its UTF-8) or a read-only bytes-like object.
fn readonly_buffer(v: &Value) -> Option<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Some(s.as_bytes().to_vec());
    }
    if v.downcast::<PyBytes>().is_some() || v.type_of().as_type().is_some_and(|t| *t.name.borrow() == "memoryview") {
        return crate::builtins::memoryview::buffer_bytes(v);
    }
    None
}

/// The bytes of a writable buffer (bytearray or array.array); `store_back` writes them.
fn writable_buffer(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Some(b.0.borrow().clone());
    }
    crate::builtins::array::array_bytes(v)
}

fn store_back(v: &Value, data: &[u8]) {
    if let Some(b) = v.downcast::<PyByteArray>() {
        // Another thread may have resized it while the GIL was released.
        let mut b = b.0.borrow_mut();
        let n = b.len().min(data.len());
        b[..n].copy_from_slice(&data[..n]);
    } else {
        crate::builtins::array::array_store_bytes(v, data);
    }
}

/// `fcntl(fd, cmd, arg=0)`: an int result, or the buffer as the call left it.
fn f_fcntl(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("fcntl.fcntl")?;
    let a = args.range("fcntl", 2, 3)?;
    let fd = fileno(vm, &a[0])?;
    let code = c_int(vm, &a[1])?;
    if crate::vm::startup::audit::active() {
        let arg = a.get(2).cloned().unwrap_or_else(none);
        vm.audit("fcntl.fcntl", vec![new_int(fd as i64), new_int(code as i64), arg])?;
    }
    if let Some(mut buf) = a.get(2).and_then(readonly_buffer) {
        if buf.len() > BUF_SIZE {
            return Err(value_error("fcntl string arg too long"));
        }
        let len = buf.len();
        buf.resize(BUF_SIZE, 0);
        let p = buf.as_mut_ptr() as usize;
        // SAFETY: `p` is `buf`'s BUF_SIZE writable bytes, alive across the call, which is
        // all the kernel may write for a command taking a pointer.
        retry(vm, || unsafe { libc::fcntl(fd, code, p as *mut libc::c_void) })?;
        buf.truncate(len);
        return Ok(new_bytes(buf));
    }
    let arg = match a.get(2) {
        Some(v) => masked(vm, v)? as u32,
        None => 0,
    };
    // SAFETY: an int third argument; fcntl reads no memory through it.
    let r = retry(vm, || unsafe { libc::fcntl(fd, code, arg as libc::c_int) })?;
    Ok(new_int(r as i64))
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`.
fn f_ioctl(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("fcntl.ioctl")?;
    let a = args.range("ioctl", 2, 4)?;
    let fd = fileno(vm, &a[0])?;
    let request = masked(vm, &a[1])? as u32 as libc::c_ulong;
    let mutate = match a.get(3) {
        Some(m) => vm.truthy(m)?,
        None => true,
    };
    if crate::vm::startup::audit::active() {
        let arg = a.get(2).cloned().unwrap_or_else(none);
        vm.audit("fcntl.ioctl", vec![new_int(fd as i64), new_int(request as i64), arg])?;
    }
    let call = |vm: &mut Vm, buf: &mut Vec<u8>| {
        let p = buf.as_mut_ptr() as usize;
        // SAFETY: `p` is `buf`'s bytes (at least BUF_SIZE, or the caller's whole buffer),
        // alive across the call.
        retry(vm, || unsafe { libc::ioctl(fd, request, p as *mut libc::c_void) })
    };
    if let Some(arg) = a.get(2) {
        if let Some(mut buf) = writable_buffer(arg) {
            let len = buf.len();
            if mutate {
                // A buffer longer than the stack copy is passed whole, as fcntlmodule.c does.
                buf.resize(len.max(BUF_SIZE), 0);
                let r = call(vm, &mut buf)?;
                store_back(arg, &buf[..len]);
                return Ok(new_int(r as i64));
            }
            if len > BUF_SIZE {
                return Err(value_error("ioctl string arg too long"));
            }
            buf.resize(BUF_SIZE, 0);
            call(vm, &mut buf)?;
            buf.truncate(len);
            return Ok(new_bytes(buf));
        }
        if let Some(mut buf) = readonly_buffer(arg) {
            let len = buf.len();
            if len > BUF_SIZE {
                return Err(value_error("ioctl string arg too long"));
            }
            buf.resize(BUF_SIZE, 0);
            call(vm, &mut buf)?;
            buf.truncate(len);
            return Ok(new_bytes(buf));
        }
    }
    let arg = match a.get(2) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    // SAFETY: an int argument; the kernel reads no memory through it.
    let r = retry(vm, || unsafe { libc::ioctl(fd, request, arg as libc::c_ulong) })?;
    Ok(new_int(r as i64))
}

/// `flock(fd, operation)`.
fn f_flock(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("fcntl.flock")?;
    let [f, op] = args.exact::<2>("flock")?;
    let fd = fileno(vm, f)?;
    let op = c_int(vm, op)?;
    if crate::vm::startup::audit::active() {
        vm.audit("fcntl.flock", vec![new_int(fd as i64), new_int(op as i64)])?;
    }
    // SAFETY: flock takes two ints.
    retry(vm, || unsafe { libc::flock(fd, op) })?;
    Ok(none())
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: POSIX record locks through `fcntl`
/// (F_SETLK with LOCK_NB, else F_SETLKW), as fcntlmodule.c emulates it.
fn f_lockf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("fcntl.lockf")?;
    let a = args.range("lockf", 2, 5)?;
    let fd = fileno(vm, &a[0])?;
    let code = c_int(vm, &a[1])?;
    let len = match a.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let start = match a.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let whence = match a.get(4) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    if crate::vm::startup::audit::active() {
        let (l, s) = (a.get(2).cloned().unwrap_or_else(none), a.get(3).cloned().unwrap_or_else(none));
        vm.audit("fcntl.lockf", vec![new_int(fd as i64), new_int(code as i64), l, s, new_int(whence as i64)])?;
    }
    let kind = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(value_error("unrecognized lockf argument"));
    };
    // SAFETY: `flock` is plain old data; all-zero is a valid value.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as libc::c_short;
    l.l_whence = whence as libc::c_short;
    l.l_start = start as libc::off_t;
    l.l_len = len as libc::off_t;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    let p = &mut l as *mut libc::flock as usize;
    // SAFETY: `p` points at `l`, which outlives the call.
    retry(vm, || unsafe { libc::fcntl(fd, cmd, p as *mut libc::flock) })?;
    Ok(none())
}

pub fn register() {
    crate::vm::interp::register_native("fcntl", init);
}

/// The constants; those the libc crate does not export have glibc's values (Linux's
/// `<fcntl.h>`/`<sys/file.h>`).
fn constants() -> Vec<(&'static str, i64)> {
    vec![
        ("LOCK_SH", libc::LOCK_SH as i64),
        ("LOCK_EX", libc::LOCK_EX as i64),
        ("LOCK_NB", libc::LOCK_NB as i64),
        ("LOCK_UN", libc::LOCK_UN as i64),
        ("LOCK_MAND", 32),
        ("LOCK_READ", 64),
        ("LOCK_WRITE", 128),
        ("LOCK_RW", 192),
        ("F_DUPFD", libc::F_DUPFD as i64),
        ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
        ("F_GETFD", libc::F_GETFD as i64),
        ("F_SETFD", libc::F_SETFD as i64),
        ("F_GETFL", libc::F_GETFL as i64),
        ("F_SETFL", libc::F_SETFL as i64),
        ("F_GETLK", libc::F_GETLK as i64),
        ("F_SETLK", libc::F_SETLK as i64),
        ("F_SETLKW", libc::F_SETLKW as i64),
        ("F_GETLK64", libc::F_GETLK as i64),
        ("F_SETLK64", libc::F_SETLK as i64),
        ("F_SETLKW64", libc::F_SETLKW as i64),
        ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
        ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
        ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
        ("F_GETOWN", libc::F_GETOWN as i64),
        ("F_SETOWN", libc::F_SETOWN as i64),
        ("F_GETSIG", 11),
        ("F_SETSIG", 10),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("F_EXLCK", 4),
        ("F_SHLCK", 8),
        ("F_GETLEASE", libc::F_GETLEASE as i64),
        ("F_SETLEASE", libc::F_SETLEASE as i64),
        ("F_NOTIFY", libc::F_NOTIFY as i64),
        ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
        ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
        ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
        ("F_GET_SEALS", libc::F_GET_SEALS as i64),
        ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
        ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
        ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
        ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("FASYNC", libc::O_ASYNC as i64),
        ("DN_ACCESS", 1),
        ("DN_MODIFY", 2),
        ("DN_CREATE", 4),
        ("DN_DELETE", 8),
        ("DN_RENAME", 16),
        ("DN_ATTRIB", 32),
        ("DN_MULTISHOT", 0x8000_0000),
    ]
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("fcntl");
    let d = module_dict(&m);
    for (name, f) in
        [("fcntl", f_fcntl as crate::vm::NativeFn), ("ioctl", f_ioctl), ("flock", f_flock), ("lockf", f_lockf)]
    {
        add_function(&d, "fcntl", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    for (k, v) in constants() {
        dd.set_str(new_str(k), new_int(v));
    }
    Ok(m)
}
