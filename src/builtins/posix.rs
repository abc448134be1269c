//! The `posix` module: the operating-system calls CPython's own `os.py` (and through it
//! `os.path`, `shutil`, `tempfile`, `glob`, `pathlib`) is written against. Calls go through
//! the `libc` crate (std has no umask, access, *at calls or raw-fd I/O); every failure is an
//! `OSError` subclass carrying errno and the filename object, as CPython raises it.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use crate::objects::bytes::{PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::{new_int, to_i64};
use crate::objects::list::new_list;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool, types};
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

mod process;
mod scandir;
mod stat;

/// Registers `posix` (and `errno`, which `os`-level code imports beside it).
pub fn register() {
    for (name, f) in
        [("posix", init_posix as crate::vm::interp::NativeModuleInit), ("errno", crate::builtins::errno::init_errno)]
    {
        crate::vm::interp::register_native(name, f);
    }
}

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

/// A path argument after `os.fspath`: its bytes, whether the caller gave bytes (results
/// are then bytes too), and the object itself (the exception's `filename`).
pub(crate) struct PathArg {
    pub bytes: Vec<u8>,
    pub is_bytes: bool,
    pub obj: Value,
}

impl PathArg {
    fn c(&self, _fname: &str) -> PyResult<CString> {
        CString::new(self.bytes.clone()).map_err(|_| value_error("embedded null byte"))
    }
    /// A result name in the caller's flavour (str or bytes).
    pub(crate) fn out(&self, b: &[u8]) -> Value {
        if self.is_bytes { new_bytes(b.to_vec()) } else { new_str(String::from_utf8_lossy(b).into_owned()) }
    }
}

/// What a path parameter may be: a path, or (where the call supports it) an open fd.
pub(crate) enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

/// `os.fspath(obj)`: str and bytes as they are, else `obj.__fspath__()` (which must give one).
fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.as_str().is_some() || v.downcast::<PyBytes>().is_some() {
        return Ok(Some(v.clone()));
    }
    let Some(f) = vm.lookup_special(v, "__fspath__") else { return Ok(None) };
    let r = vm.call(&f, Args::positional_only(std::slice::from_ref(v)))?;
    if r.as_str().is_some() || r.downcast::<PyBytes>().is_some() {
        return Ok(Some(r));
    }
    Err(type_error(format!("expected {}.__fspath__() to return str or bytes, not {}", type_name(v), type_name(&r))))
}

pub(crate) fn path_arg(vm: &mut Vm, v: &Value, fname: &str, argname: &str) -> PyResult<PathArg> {
    match path_or_fd(vm, v, fname, argname, false)? {
        PathOrFd::Path(p) => Ok(p),
        PathOrFd::Fd(_) => Err(type_error("unreachable: fd not allowed")),
    }
}

pub(crate) fn path_or_fd(vm: &mut Vm, v: &Value, fname: &str, argname: &str, allow_fd: bool) -> PyResult<PathOrFd> {
    if allow_fd && v.kind() == crate::values::Kind::Int {
        let fd = to_i64(v)
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| PyErr::new(&exc().overflow_error, "fd is greater than maximum"))?;
        return Ok(PathOrFd::Fd(fd));
    }
    match fspath_value(vm, v)? {
        Some(p) => {
            let (bytes, is_bytes) = match p.as_str() {
                Some(s) => (s.as_bytes().to_vec(), false),
                None => (p.downcast::<PyBytes>().map(|b| b.0.to_vec()).unwrap_or_default(), true),
            };
            Ok(PathOrFd::Path(PathArg { bytes, is_bytes, obj: v.clone() }))
        }
        None => Err(type_error(
            format!(
                "{fname}: {argname} should be string, bytes{} or os.PathLike, not {}",
                if allow_fd { ", os.PathLike or integer" } else { "" },
                type_name(v)
            )
            .replace("bytes, os.PathLike or integer or os.PathLike", "bytes, os.PathLike or integer"),
        )),
    }
}

/// An int argument (anything with `__index__`).
pub(crate) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(n) = to_i64(v) {
        return Ok(n);
    }
    if v.kind() == crate::values::Kind::Float {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let Some(f) = vm.lookup_special(v, "__index__") else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
    };
    let r = vm.call(&f, Args::positional_only(std::slice::from_ref(v)))?;
    to_i64(&r).ok_or_else(|| PyErr::new(&exc().overflow_error, "Python int too large to convert to C int"))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::new(&exc().overflow_error, "fd is greater than maximum"))
}

/// `dir_fd=` (None: relative to the working directory).
fn dir_fd(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::AT_FDCWD),
        Some(v) if v.is_none() => Ok(libc::AT_FDCWD),
        Some(v) => fd_arg(vm, v),
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `OSError(errno, strerror, filename, None, filename2)`: the constructor picks the
/// subclass (`FileNotFoundError` for ENOENT...) as CPython's does.
pub(crate) fn errno_err(vm: &mut Vm, code: i32, f1: Option<&Value>, f2: Option<&Value>) -> PyErr {
    let msg = crate::objects::file::strerror(&std::io::Error::from_raw_os_error(code));
    let mut args = vec![new_int(code as i64), new_str(msg)];
    if let Some(f) = f1 {
        args.push(f.clone());
        if let Some(f2) = f2 {
            args.push(none());
            args.push(f2.clone());
        }
    }
    match vm.call_pos(&exc().os_error.clone(), &args) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

pub(crate) fn io_err(vm: &mut Vm, e: &std::io::Error, f: Option<&Value>) -> PyErr {
    errno_err(vm, e.raw_os_error().unwrap_or(libc::EIO), f, None)
}

/// Checks a libc return value (-1 = failure, errno set).
fn check(vm: &mut Vm, r: libc::c_int, f1: Option<&Value>, f2: Option<&Value>) -> PyResult<libc::c_int> {
    if r == -1 { Err(errno_err(vm, last_errno(), f1, f2)) } else { Ok(r) }
}

fn no_follow(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(v) => Ok(!vm.truthy(v)?),
        None => Ok(false),
    }
}

// ---- files and directories -------------------------------------------------------

fn os_stat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("stat", &["path", "dir_fd", "follow_symlinks"], 1)?;
    let p = path_or_fd(vm, a[0].as_ref().unwrap_or(&none()), "stat", "path", true)?;
    let dfd = dir_fd(vm, a[1].as_ref())?;
    let nofollow = no_follow(vm, a[2].as_ref())?;
    stat::do_stat(vm, &p, dfd, nofollow)
}

fn os_lstat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("lstat", &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "lstat", "path")?;
    let dfd = dir_fd(vm, a[1].as_ref())?;
    stat::do_stat(vm, &PathOrFd::Path(p), dfd, true)
}

fn os_fstat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("fstat", &["fd"], 1)?;
    let fd = fd_arg(vm, a[0].as_ref().unwrap_or(&none()))?;
    stat::do_stat(vm, &PathOrFd::Fd(fd), libc::AT_FDCWD, false)
}

fn os_statvfs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("statvfs", &["path"], 1)?;
    let p = path_or_fd(vm, a[0].as_ref().unwrap_or(&none()), "statvfs", "path", true)?;
    stat::do_statvfs(vm, &p)
}

fn os_fstatvfs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("fstatvfs")?;
    let fd = fd_arg(vm, fd)?;
    stat::do_statvfs(vm, &PathOrFd::Fd(fd))
}

fn opt_path(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<PathArg> {
    match v {
        Some(v) if !v.is_none() => path_arg(vm, v, fname, "path"),
        _ => Ok(PathArg { bytes: b".".to_vec(), is_bytes: false, obj: new_str(".") }),
    }
}

fn os_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("listdir", &["path"], 0)?;
    let p = opt_path(vm, a[0].as_ref(), "listdir")?;
    if crate::vm::startup::audit::active() {
        vm.audit("os.listdir", vec![p.obj.clone()])?;
    }
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(&p.bytes));
    let rd = std::fs::read_dir(path).map_err(|e| io_err(vm, &e, Some(&p.obj)))?;
    let mut names = Vec::new();
    for e in rd {
        let e = e.map_err(|e| io_err(vm, &e, Some(&p.obj)))?;
        names.push(p.out(e.file_name().as_bytes()));
    }
    Ok(new_list(names))
}

fn os_mkdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("mkdir", &["path", "mode", "dir_fd"], 1)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "mkdir", "path")?;
    let mode = match &a[1] {
        Some(m) => int_arg(vm, m)?,
        None => 0o777,
    };
    let dfd = dir_fd(vm, a[2].as_ref())?;
    if crate::vm::startup::audit::active() {
        vm.audit("os.mkdir", vec![p.obj.clone(), new_int(mode), new_int(dfd as i64)])?;
    }
    let c = p.c("mkdir")?;
    // SAFETY: `c` is a NUL-terminated path that outlives the call.
    let r = unsafe { libc::mkdirat(dfd, c.as_ptr(), mode as libc::mode_t) };
    check(vm, r, Some(&p.obj), None)?;
    Ok(none())
}

/// unlink/remove/rmdir: one path, optional dir_fd; `flag` is `AT_REMOVEDIR` for rmdir.
fn remove_common(vm: &mut Vm, args: Args<'_>, fname: &str, flag: libc::c_int) -> PyResult {
    let a = args.bind(fname, &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), fname, "path")?;
    let dfd = dir_fd(vm, a[1].as_ref())?;
    if crate::vm::startup::audit::active() {
        let ev = if flag == 0 { "os.remove" } else { "os.rmdir" };
        vm.audit(ev, vec![p.obj.clone(), new_int(dfd as i64)])?;
    }
    let c = p.c(fname)?;
    // SAFETY: `c` is a NUL-terminated path that outlives the call.
    let r = unsafe { libc::unlinkat(dfd, c.as_ptr(), flag) };
    check(vm, r, Some(&p.obj), None)?;
    Ok(none())
}
fn os_unlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_common(vm, args, "unlink", 0)
}
fn os_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_common(vm, args, "remove", 0)
}
fn os_rmdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_common(vm, args, "rmdir", libc::AT_REMOVEDIR)
}

fn rename_common(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult {
    let a = args.bind(fname, &["src", "dst", "src_dir_fd", "dst_dir_fd"], 2)?;
    let s = path_arg(vm, a[0].as_ref().unwrap_or(&none()), fname, "src")?;
    let d = path_arg(vm, a[1].as_ref().unwrap_or(&none()), fname, "dst")?;
    let sfd = dir_fd(vm, a[2].as_ref())?;
    let dfd = dir_fd(vm, a[3].as_ref())?;
    if s.is_bytes != d.is_bytes {
        return Err(type_error(format!("{fname}: src and dst must be the same type")));
    }
    if crate::vm::startup::audit::active() {
        vm.audit("os.rename", vec![s.obj.clone(), d.obj.clone(), new_int(sfd as i64), new_int(dfd as i64)])?;
    }
    let (cs, cd) = (s.c(fname)?, d.c(fname)?);
    // SAFETY: both paths are NUL-terminated and outlive the call.
    let r = unsafe { libc::renameat(sfd, cs.as_ptr(), dfd, cd.as_ptr()) };
    check(vm, r, Some(&s.obj), Some(&d.obj))?;
    Ok(none())
}
fn os_rename(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rename_common(vm, args, "rename")
}
fn os_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    rename_common(vm, args, "replace")
}

fn os_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("symlink", &["src", "dst", "target_is_directory", "dir_fd"], 2)?;
    let s = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "symlink", "src")?;
    let d = path_arg(vm, a[1].as_ref().unwrap_or(&none()), "symlink", "dst")?;
    let dfd = dir_fd(vm, a[3].as_ref())?;
    let (cs, cd) = (s.c("symlink")?, d.c("symlink")?);
    // SAFETY: both paths are NUL-terminated and outlive the call.
    let r = unsafe { libc::symlinkat(cs.as_ptr(), dfd, cd.as_ptr()) };
    check(vm, r, Some(&s.obj), Some(&d.obj))?;
    Ok(none())
}

fn os_readlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("readlink", &["path", "dir_fd"], 1)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "readlink", "path")?;
    let dfd = dir_fd(vm, a[1].as_ref())?;
    let c = p.c("readlink")?;
    let mut buf = vec![0u8; 4096];
    // SAFETY: `buf` has `buf.len()` writable bytes; `c` is NUL-terminated.
    let n = unsafe { libc::readlinkat(dfd, c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(errno_err(vm, last_errno(), Some(&p.obj), None));
    }
    buf.truncate(n as usize);
    Ok(p.out(&buf))
}

fn os_chmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("chmod", &["path", "mode", "dir_fd", "follow_symlinks"], 2)?;
    let p = path_or_fd(vm, a[0].as_ref().unwrap_or(&none()), "chmod", "path", true)?;
    let mode = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as libc::mode_t;
    let dfd = dir_fd(vm, a[2].as_ref())?;
    let r = match &p {
        // SAFETY: plain syscall on an integer fd.
        PathOrFd::Fd(fd) => unsafe { libc::fchmod(*fd, mode) },
        PathOrFd::Path(pa) => {
            let c = pa.c("chmod")?;
            // SAFETY: `c` is NUL-terminated and outlives the call.
            unsafe { libc::fchmodat(dfd, c.as_ptr(), mode, 0) }
        }
    };
    let fname = if let PathOrFd::Path(pa) = &p { Some(pa.obj.clone()) } else { None };
    check(vm, r, fname.as_ref(), None)?;
    Ok(none())
}

fn os_access(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "access", "path")?;
    let mode = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as libc::c_int;
    let dfd = dir_fd(vm, a[2].as_ref())?;
    let mut flags = 0;
    if let Some(e) = &a[3] {
        if vm.truthy(e)? {
            flags |= libc::AT_EACCESS;
        }
    }
    if no_follow(vm, a[4].as_ref())? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = p.c("access")?;
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = unsafe { libc::faccessat(dfd, c.as_ptr(), mode, flags) };
    Ok(py_bool(r == 0))
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
fn os_utime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 1)?;
    let p = path_or_fd(vm, a[0].as_ref().unwrap_or(&none()), "utime", "path", true)?;
    let times = a[1].clone().filter(|v| !v.is_none());
    let ns = a[2].clone().filter(|v| !v.is_none());
    let now = libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
    let ts: [libc::timespec; 2] = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(value_error("utime: you may specify either 'times' or 'ns' but not both"));
        }
        (Some(t), None) => {
            let items = pair(vm, &t, "utime: 'times' must be either a tuple of two ints or None")?;
            let mut out = [now, now];
            for (o, v) in out.iter_mut().zip(items.iter()) {
                let f = if let Some(i) = to_i64(v) {
                    i as f64
                } else if let Some(f) = v.as_float() {
                    f
                } else {
                    return Err(type_error("utime: 'times' must be either a tuple of two ints or None"));
                };
                let sec = f.floor();
                *o = libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: ((f - sec) * 1e9) as libc::c_long };
            }
            out
        }
        (None, Some(n)) => {
            let items = pair(vm, &n, "utime: 'ns' must be a tuple of two ints")?;
            let mut out = [now, now];
            for (o, v) in out.iter_mut().zip(items.iter()) {
                let n = to_i64(v).ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?;
                *o = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
                    tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
                };
            }
            out
        }
        (None, None) => [now, now],
    };
    let dfd = dir_fd(vm, a[3].as_ref())?;
    let flags = if no_follow(vm, a[4].as_ref())? { libc::AT_SYMLINK_NOFOLLOW } else { 0 };
    let (r, fname) = match &p {
        // SAFETY: `ts` is two valid timespecs.
        PathOrFd::Fd(fd) => (unsafe { libc::futimens(*fd, ts.as_ptr()) }, None),
        PathOrFd::Path(pa) => {
            let c = pa.c("utime")?;
            // SAFETY: `c` is NUL-terminated, `ts` two valid timespecs.
            (unsafe { libc::utimensat(dfd, c.as_ptr(), ts.as_ptr(), flags) }, Some(pa.obj.clone()))
        }
    };
    check(vm, r, fname.as_ref(), None)?;
    Ok(none())
}

fn pair(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    match v.downcast::<crate::objects::tuple::PyTuple>() {
        Some(t) if t.0.len() == 2 => {
            let _ = vm;
            Ok(t.0.to_vec())
        }
        _ => Err(type_error(msg.to_owned())),
    }
}

fn os_getcwd(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let d = std::env::current_dir().map_err(|e| io_err(vm, &e, None))?;
    Ok(new_str(d.to_string_lossy().into_owned()))
}
fn os_getcwdb(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let d = std::env::current_dir().map_err(|e| io_err(vm, &e, None))?;
    Ok(new_bytes(d.as_os_str().as_bytes().to_vec()))
}

fn os_chdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("chdir", &["path"], 1)?;
    let p = path_or_fd(vm, a[0].as_ref().unwrap_or(&none()), "chdir", "path", true)?;
    match &p {
        PathOrFd::Path(pa) => {
            if crate::vm::startup::audit::active() {
                vm.audit("os.chdir", vec![pa.obj.clone()])?;
            }
            let c = pa.c("chdir")?;
            // SAFETY: `c` is NUL-terminated and outlives the call.
            let r = unsafe { libc::chdir(c.as_ptr()) };
            check(vm, r, Some(&pa.obj), None)?;
        }
        PathOrFd::Fd(fd) => {
            // SAFETY: plain syscall on an integer fd.
            let r = unsafe { libc::fchdir(*fd) };
            check(vm, r, None, None)?;
        }
    }
    Ok(none())
}

// ---- raw file descriptors --------------------------------------------------------

fn os_open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("open", &["path", "flags", "mode", "dir_fd"], 2)?;
    let p = path_arg(vm, a[0].as_ref().unwrap_or(&none()), "open", "path")?;
    let flags = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as libc::c_int;
    let mode = match &a[2] {
        Some(m) => int_arg(vm, m)?,
        None => 0o777,
    };
    let dfd = dir_fd(vm, a[3].as_ref())?;
    if crate::vm::startup::audit::active() {
        vm.audit("open", vec![p.obj.clone(), none(), new_int(flags as i64)])?;
    }
    let c = p.c("open")?;
    // Descriptors are non-inheritable by default (PEP 446), hence O_CLOEXEC.
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let fd = unsafe { libc::openat(dfd, c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    let fd = check(vm, fd, Some(&p.obj), None)?;
    Ok(new_int(fd as i64))
}

fn os_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("close", &["fd"], 1)?;
    let fd = fd_arg(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: closing an integer fd; a wrong one gives EBADF, not UB for us.
    let r = unsafe { libc::close(fd) };
    check(vm, r, None, None)?;
    Ok(none())
}

fn os_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, n] = args.exact::<2>("read")?;
    let fd = fd_arg(vm, fd)?;
    let n = int_arg(vm, n)?;
    if n < 0 {
        return Err(errno_err(vm, libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        // SAFETY: `buf` has `buf.len()` writable bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if r < 0 {
            let e = last_errno();
            // Retried as CPython does (PEP 475); a pending KeyboardInterrupt is raised at
            // the next instruction boundary.
            if e == libc::EINTR {
                continue;
            }
            return Err(errno_err(vm, e, None, None));
        }
        buf.truncate(r as usize);
        return Ok(new_bytes(buf));
    }
}

/// The bytes of a bytes-like argument.
fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::memoryview::buffer_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

fn os_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, data] = args.exact::<2>("write")?;
    let fd = fd_arg(vm, fd)?;
    let data = buffer_arg(data)?;
    loop {
        // SAFETY: `data` has `data.len()` readable bytes.
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r < 0 {
            let e = last_errno();
            // Retried as CPython does (PEP 475); a pending KeyboardInterrupt is raised at
            // the next instruction boundary.
            if e == libc::EINTR {
                continue;
            }
            return Err(errno_err(vm, e, None, None));
        }
        return Ok(new_int(r as i64));
    }
}

fn os_lseek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, pos, how] = args.exact::<3>("lseek")?;
    let fd = fd_arg(vm, fd)?;
    let pos = int_arg(vm, pos)?;
    let how = int_arg(vm, how)? as libc::c_int;
    // SAFETY: plain syscall on integers.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(errno_err(vm, last_errno(), None, None));
    }
    Ok(new_int(r as i64))
}

fn os_fsync(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("fsync")?;
    let fd = match vm.getattr_opt(fd, "fileno")? {
        Some(f) if fd.kind() != crate::values::Kind::Int => vm.call_pos(&f, &[])?,
        _ => fd.clone(),
    };
    let fd = fd_arg(vm, &fd)?;
    // SAFETY: plain syscall on an integer fd.
    let r = unsafe { libc::fsync(fd) };
    check(vm, r, None, None)?;
    Ok(none())
}

fn os_ftruncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, len] = args.exact::<2>("ftruncate")?;
    let fd = fd_arg(vm, fd)?;
    let len = int_arg(vm, len)?;
    // SAFETY: plain syscall on integers.
    let r = unsafe { libc::ftruncate(fd, len as libc::off_t) };
    check(vm, r, None, None)?;
    Ok(none())
}

fn os_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("isatty")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: plain syscall on an integer fd.
    Ok(py_bool(unsafe { libc::isatty(fd) } == 1))
}

fn os_pipe(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    check(vm, r, None, None)?;
    Ok(new_tuple(vec![new_int(fds[0] as i64), new_int(fds[1] as i64)]))
}

/// `openpty()`: a pseudo-terminal's (master, slave) fds, both non-inheritable.
fn os_openpty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("openpty")?;
    let (mut master, mut slave) = (0 as libc::c_int, 0 as libc::c_int);
    let null = std::ptr::null_mut();
    // SAFETY: openpty writes the two ints; the name, termios and winsize are not asked for.
    let r = unsafe { libc::openpty(&mut master, &mut slave, null, null.cast(), null.cast()) };
    check(vm, r, None, None)?;
    for fd in [master, slave] {
        // SAFETY: plain syscall on an fd just opened.
        check(vm, unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) }, None, None)?;
    }
    Ok(new_tuple(vec![new_int(master as i64), new_int(slave as i64)]))
}

/// `ttyname(fd)`: the terminal device's path.
fn os_ttyname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("ttyname")?;
    let fd = fd_arg(vm, fd)?;
    let mut buf = [0 as libc::c_char; 4096];
    // SAFETY: `buf` has `buf.len()` writable bytes.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return Err(errno_err(vm, r, None, None));
    }
    // SAFETY: on success ttyname_r left a NUL-terminated string in `buf`.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Ok(new_str(String::from_utf8_lossy(name.to_bytes()).into_owned()))
}

fn os_dup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("dup")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: plain syscall on an integer fd.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    Ok(new_int(check(vm, r, None, None)? as i64))
}

fn os_get_terminal_size(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("get_terminal_size", 0, 1)?;
    let fd = match a.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: winsize is plain data; zeroed is a valid value.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize into `ws`.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    check(vm, r, None, None)?;
    let cls = stat::terminal_size_type(vm)?;
    vm.call_pos(&cls, &[new_tuple(vec![new_int(ws.ws_col as i64), new_int(ws.ws_row as i64)])])
}

fn os_device_encoding(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}

// ---- process -----------------------------------------------------------------------

fn os_getpid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_int(std::process::id() as i64))
}
fn os_getppid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: getppid cannot fail.
    Ok(new_int(unsafe { libc::getppid() } as i64))
}
fn os_getuid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: getuid cannot fail.
    Ok(new_int(unsafe { libc::getuid() } as i64))
}
fn os_geteuid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: geteuid cannot fail.
    Ok(new_int(unsafe { libc::geteuid() } as i64))
}
fn os_getgid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: getgid cannot fail.
    Ok(new_int(unsafe { libc::getgid() } as i64))
}
fn os_getegid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: getegid cannot fail.
    Ok(new_int(unsafe { libc::getegid() } as i64))
}

fn os_umask(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [m] = args.exact::<1>("umask")?;
    let m = int_arg(vm, m)?;
    // SAFETY: umask cannot fail.
    Ok(new_int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn os_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [code] = args.exact::<1>("_exit")?;
    let code = int_arg(vm, code)?;
    // Exits at once, without flushing Python-level buffers (that is the point of _exit).
    std::process::exit(code as i32)
}

fn os_kill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [pid, sig] = args.exact::<2>("kill")?;
    let pid = int_arg(vm, pid)?;
    let sig = int_arg(vm, sig)?;
    // SAFETY: plain syscall on integers.
    let r = unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) };
    check(vm, r, None, None)?;
    Ok(none())
}

fn os_urandom(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>("urandom")?;
    let n = int_arg(vm, n)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: the destination range lies inside `buf`.
        let r = unsafe { libc::getrandom(buf[done..].as_mut_ptr().cast(), buf.len() - done, 0) };
        if r < 0 {
            let e = last_errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(errno_err(vm, e, None, None));
        }
        done += r as usize;
    }
    Ok(new_bytes(buf))
}

fn os_strerror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [code] = args.exact::<1>("strerror")?;
    let code = int_arg(vm, code)?;
    let code =
        i32::try_from(code).map_err(|_| PyErr::new(&exc().overflow_error, "signed integer is greater than maximum"))?;
    Ok(new_str(crate::objects::file::strerror(&std::io::Error::from_raw_os_error(code))))
}

fn os_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("fspath", &["path"], 1)?;
    let v = a[0].clone().unwrap_or_else(none);
    fspath_value(vm, &v)?
        .ok_or_else(|| type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(&v))))
}

fn os_cpu_count(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_int(std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(1)))
}

/// `system(command)`: runs it with /bin/sh; the wait status (exit code << 8).
fn os_system(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("system", &["command"], 1)?;
    let cmd = a[0].clone().unwrap_or_else(none);
    let Some(c) = cmd.as_str().map(str::to_owned) else {
        return Err(type_error(format!("system() argument 'command' must be str, not {}", type_name(&cmd))));
    };
    vm.audit("os.system", vec![cmd.clone()])?;
    // Our buffered output first, so the child's output comes after it.
    crate::vm::startup::flush_std_streams(vm);
    let status = std::process::Command::new("/bin/sh").arg("-c").arg(&c).status().map_err(|e| io_err(vm, &e, None))?;
    use std::os::unix::process::ExitStatusExt;
    Ok(new_int(status.into_raw() as i64))
}

fn os_uname(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    // SAFETY: utsname is plain data; zeroed is a valid value.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: uname fills the struct it is given.
    let r = unsafe { libc::uname(&mut u) };
    check(vm, r, None, None)?;
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect();
        new_str(String::from_utf8_lossy(&bytes).into_owned())
    };
    let vals = vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)];
    let cls = stat::uname_result_type(vm)?;
    vm.call_pos(&cls, &[new_tuple(vals)])
}

// ---- environment -------------------------------------------------------------------

/// `posix.environ`: bytes keys and values, as CPython's (os.py decodes them).
fn environ(vm: &mut Vm) -> PyResult {
    let env = layout::alloc(&types().dict, PyDict::new());
    if let Some(ed) = env.payload::<PyDict>() {
        for (k, v) in std::env::vars_os() {
            ed.set(vm, new_bytes(k.as_bytes().to_vec()), new_bytes(v.as_bytes().to_vec()))?;
        }
    }
    Ok(env)
}

fn env_bytes(v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    let b = match v.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => match v.downcast::<PyBytes>() {
            Some(b) => b.0.to_vec(),
            None => {
                return Err(type_error(format!(
                    "{fname}: expected str, bytes or os.PathLike object, not {}",
                    type_name(v)
                )));
            }
        },
    };
    if b.contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    Ok(b)
}

fn os_putenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [k, v] = args.exact::<2>("putenv")?;
    let (kb, vb) = (env_bytes(k, "putenv")?, env_bytes(v, "putenv")?);
    if kb.is_empty() || kb.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    vm.audit("os.putenv", vec![k.clone(), v.clone()])?;
    let (kc, vc) = (CString::new(kb).unwrap_or_default(), CString::new(vb).unwrap_or_default());
    // SAFETY: both strings are NUL-terminated; setenv copies them. Other threads only
    // read the environment under the GIL, which we hold.
    let r = unsafe { libc::setenv(kc.as_ptr(), vc.as_ptr(), 1) };
    check(vm, r, None, None)?;
    Ok(none())
}

fn os_unsetenv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [k] = args.exact::<1>("unsetenv")?;
    let kb = env_bytes(k, "unsetenv")?;
    if kb.is_empty() || kb.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    vm.audit("os.unsetenv", vec![k.clone()])?;
    let kc = CString::new(kb).unwrap_or_default();
    // SAFETY: NUL-terminated name; see os_putenv on threads.
    let r = unsafe { libc::unsetenv(kc.as_ptr()) };
    check(vm, r, None, None)?;
    Ok(none())
}

/// Integer constants os.py and its users read (`os.O_CREAT`, `os.F_OK`, ...).
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("SEEK_SET", libc::SEEK_SET as i64),
    ("SEEK_CUR", libc::SEEK_CUR as i64),
    ("SEEK_END", libc::SEEK_END as i64),
    ("EX_OK", 0),
    ("WNOHANG", libc::WNOHANG as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
];

/// HAVE_* names os.py turns into `supports_dir_fd`/`supports_fd`/`supports_follow_symlinks`:
/// exactly the parameters this file implements.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_MKDIRAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// `import posix`.
pub fn init_posix(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("posix");
    let d = module_dict(&m);
    for (name, f) in [
        ("stat", os_stat as crate::vm::NativeFn),
        ("lstat", os_lstat),
        ("fstat", os_fstat),
        ("statvfs", os_statvfs),
        ("fstatvfs", os_fstatvfs),
        ("listdir", os_listdir),
        ("scandir", scandir::os_scandir),
        ("mkdir", os_mkdir),
        ("rmdir", os_rmdir),
        ("unlink", os_unlink),
        ("remove", os_remove),
        ("rename", os_rename),
        ("replace", os_replace),
        ("symlink", os_symlink),
        ("readlink", os_readlink),
        ("chmod", os_chmod),
        ("access", os_access),
        ("utime", os_utime),
        ("getcwd", os_getcwd),
        ("getcwdb", os_getcwdb),
        ("chdir", os_chdir),
        ("open", os_open),
        ("close", os_close),
        ("read", os_read),
        ("write", os_write),
        ("lseek", os_lseek),
        ("fsync", os_fsync),
        ("ftruncate", os_ftruncate),
        ("isatty", os_isatty),
        ("openpty", os_openpty),
        ("ttyname", os_ttyname),
        ("pipe", os_pipe),
        ("dup", os_dup),
        ("get_terminal_size", os_get_terminal_size),
        ("device_encoding", os_device_encoding),
        ("getpid", os_getpid),
        ("getppid", os_getppid),
        ("getuid", os_getuid),
        ("geteuid", os_geteuid),
        ("getgid", os_getgid),
        ("getegid", os_getegid),
        ("umask", os_umask),
        ("_exit", os_exit),
        ("kill", os_kill),
        ("urandom", os_urandom),
        ("strerror", os_strerror),
        ("fspath", os_fspath),
        ("cpu_count", os_cpu_count),
        ("system", os_system),
        ("uname", os_uname),
        ("putenv", os_putenv),
        ("unsetenv", os_unsetenv),
    ] {
        add_function(&d, "posix", name, f);
    }
    process::add_functions(&d);
    for (name, v) in CONSTANTS {
        set(&d, name, new_int(*v));
    }
    set(&d, "environ", environ(vm)?);
    set(&d, "error", exc().os_error.clone());
    set(&d, "_have_functions", new_list(HAVE_FUNCTIONS.iter().map(|s| new_str(*s)).collect()));
    set(&d, "stat_result", stat::stat_result_type(vm)?);
    set(&d, "uname_result", stat::uname_result_type(vm)?);
    set(&d, "terminal_size", stat::terminal_size_type(vm)?);
    set(&d, "statvfs_result", stat::statvfs_result_type(vm)?);
    set(&d, "DirEntry", scandir::dir_entry_type(vm)?);
    Ok(m)
}
