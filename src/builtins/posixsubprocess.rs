//! `_posixsubprocess.fork_exec`, what `subprocess.Popen` starts children with: everything
//! the child needs (argv, envp, paths) is built before `fork`, and the child only makes
//! async-signal-safe calls (dup2, close, chdir, setsid, umask, execve, write, _exit),
//! reporting a failure on the error pipe as `OSError:<hex errno>:[noexec]`, the format
//! subprocess.py parses.

use std::ffi::CString;

use crate::objects::int::new_int;
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// A str or bytes argument (an `os.fsencode`d path) as a C string.
fn c_bytes(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let b = match v.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => match crate::builtins::memoryview::buffer_bytes(v) {
            Some(b) => b,
            None => {
                let p = crate::builtins::posix::path_arg(vm, v, "fork_exec", "args")?;
                p.bytes
            }
        },
    };
    CString::new(b).map_err(|_| value_error("embedded null byte"))
}

fn c_list(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let items = vm.to_vec(v)?;
    let mut out = Vec::with_capacity(items.len());
    for i in &items {
        out.push(c_bytes(vm, i)?);
    }
    Ok(Some(out))
}

fn fd(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(crate::builtins::posix::int_arg(vm, v)? as i32)
}

/// Writes `msg` to `fd` and leaves the child (async-signal-safe).
fn child_fail(errpipe: i32, errno: i32, noexec: bool) -> ! {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in b"OSError:" {
        buf[n] = *b;
        n += 1;
    }
    let mut digits = [0u8; 16];
    let mut k = 0;
    let mut e = errno as u32;
    loop {
        digits[k] = b"0123456789abcdef"[(e % 16) as usize];
        k += 1;
        e /= 16;
        if e == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        buf[n] = digits[k];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    if noexec {
        for b in b"noexec" {
            buf[n] = *b;
            n += 1;
        }
    }
    // SAFETY: write and _exit are async-signal-safe; `buf` is a live local.
    unsafe {
        libc::write(errpipe, buf.as_ptr().cast(), n);
        libc::_exit(255)
    }
}

fn errno() -> i32 {
    // SAFETY: reads this thread's errno.
    unsafe { *libc::__errno_location() }
}

/// The child between fork and exec. Only async-signal-safe calls: no allocation.
#[allow(clippy::too_many_arguments)]
fn child(
    argv: &[*const libc::c_char],
    envp: Option<&[*const libc::c_char]>,
    exes: &[CString],
    keep: &[i32],
    close_fds: bool,
    cwd: Option<&CString>,
    pipes: [i32; 6],
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    setsid: bool,
    pgid: i32,
    umask: i32,
) -> ! {
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite] = pipes;
    // SAFETY: each call below is async-signal-safe and works on plain integers or on
    // pointers into memory prepared before fork (still mapped in the child).
    unsafe {
        for f in [p2cwrite, c2pread, errread, errpipe_read] {
            if f != -1 {
                libc::close(f);
            }
        }
        // Descriptors that will be stdin/out/err must not be clobbered by an earlier dup2.
        let c2pwrite = if c2pwrite == 0 { libc::fcntl(c2pwrite, libc::F_DUPFD_CLOEXEC, 3) } else { c2pwrite };
        let mut errwrite = errwrite;
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::fcntl(errwrite, libc::F_DUPFD_CLOEXEC, 3);
        }
        for (src, dst) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if src == dst {
                let fl = libc::fcntl(src, libc::F_GETFD);
                libc::fcntl(src, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
            } else if src != -1 && libc::dup2(src, dst) == -1 {
                child_fail(errpipe_write, errno(), true);
            }
        }
        if let Some(c) = cwd {
            if libc::chdir(c.as_ptr()) == -1 {
                child_fail(errpipe_write, errno(), true);
            }
        }
        if umask >= 0 {
            libc::umask(umask as libc::mode_t);
        }
        if restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if setsid && libc::setsid() == -1 {
            child_fail(errpipe_write, errno(), true);
        }
        if pgid >= 0 && libc::setpgid(0, pgid) == -1 {
            child_fail(errpipe_write, errno(), true);
        }
        // The error pipe stays close-on-exec: its closing tells the parent exec worked.
        for f in keep.iter().filter(|&&f| f != errpipe_write) {
            let fl = libc::fcntl(*f, libc::F_GETFD);
            libc::fcntl(*f, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
        }
        if close_fds {
            let max = libc::sysconf(libc::_SC_OPEN_MAX).clamp(256, 65536) as i32;
            for f in 3..max {
                if f != errpipe_write && !keep.contains(&f) {
                    libc::close(f);
                }
            }
        }
        let mut saved = 0;
        for exe in exes {
            match envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        child_fail(errpipe_write, if saved != 0 { saved } else { errno() }, false)
    }
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
/// allow_vfork)`; plain fork always (vfork is only CPython's speed-up).
fn fork_exec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("fork_exec")?;
    let p = args.pos();
    if p.len() != 23 {
        return Err(type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", p.len())));
    }
    let argv = c_list(vm, &p[0])?.unwrap_or_default();
    let exes = c_list(vm, &p[1])?.unwrap_or_default();
    let close_fds = vm.truthy(&p[2])?;
    let mut keep = Vec::new();
    for v in vm.to_vec(&p[3])? {
        keep.push(fd(vm, &v)?);
    }
    let cwd = if p[4].is_none() { None } else { Some(c_bytes(vm, &p[4])?) };
    let env = c_list(vm, &p[5])?;
    let mut pipes = [0i32; 6];
    for (k, slot) in pipes.iter_mut().enumerate() {
        *slot = fd(vm, &p[6 + k])?;
    }
    let errpipe_read = fd(vm, &p[12])?;
    let errpipe_write = fd(vm, &p[13])?;
    let restore_signals = vm.truthy(&p[14])?;
    let setsid = vm.truthy(&p[15])?;
    let pgid = fd(vm, &p[16])?;
    if !p[17].is_none() || !p[18].is_none() || !p[19].is_none() {
        return Err(value_error("fork_exec: gid, extra_groups and uid are not supported"));
    }
    let umask = fd(vm, &p[20])?;
    if !p[21].is_none() {
        return Err(value_error("fork_exec: preexec_fn is not supported"));
    }
    let argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).chain([std::ptr::null()]).collect();
    let env_ptrs: Option<Vec<*const libc::c_char>> =
        env.as_ref().map(|e| e.iter().map(|c| c.as_ptr()).chain([std::ptr::null()]).collect());
    // SAFETY: the child runs only `child`, which makes async-signal-safe calls on memory
    // prepared above and never returns.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child(
            &argv_ptrs,
            env_ptrs.as_deref(),
            &exes,
            &keep,
            close_fds,
            cwd.as_ref(),
            pipes,
            errpipe_read,
            errpipe_write,
            restore_signals,
            setsid,
            pgid,
            umask,
        );
    }
    if pid == -1 {
        let e = errno();
        return Err(crate::builtins::posix::errno_err(vm, e, None, None));
    }
    Ok(new_int(pid as i64))
}

pub fn register() {
    crate::vm::interp::register_native("_posixsubprocess", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_posixsubprocess");
    add_function(&module_dict(&m), "_posixsubprocess", "fork_exec", fork_exec);
    Ok(m)
}
