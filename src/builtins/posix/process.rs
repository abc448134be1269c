//! `posix`'s process and descriptor calls under `subprocess`: `waitpid`, the wait-status
//! macros and `waitstatus_to_exitcode`, `dup2`, fd inheritance and blocking flags.

use super::{check, fd_arg, int_arg};
use crate::objects::int::new_int;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::value_error;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

fn os_waitpid(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [pid, options] = args.exact::<2>("waitpid")?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let options = int_arg(vm, options)? as libc::c_int;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: waitpid writes the status int it is given; no Python state is touched
        // while the GIL is released.
        let (r, err) = vm.allow_threads(|| {
            let r = unsafe { libc::waitpid(pid, &mut status, options) };
            (r, std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
        });
        if r == -1 && err == libc::EINTR {
            // PEP 475: run the handlers, then wait again.
            crate::builtins::signal::check_signals(vm)?;
            continue;
        }
        if r == -1 {
            return Err(super::errno_err(vm, err, None, None));
        }
        return Ok(new_tuple(vec![new_int(r as i64), new_int(status as i64)]));
    }
}

fn status_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<libc::c_int> {
    let [s] = args.exact::<1>(name)?;
    Ok(int_arg(vm, s)? as libc::c_int)
}

macro_rules! status_fns {
    ($($f:ident => $name:literal, $call:expr, $wrap:expr;)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let s = status_arg(vm, &args, $name)?;
            Ok($wrap($call(s)))
        })*
    };
}

status_fns! {
    os_wifexited => "WIFEXITED", libc::WIFEXITED, py_bool;
    os_wifsignaled => "WIFSIGNALED", libc::WIFSIGNALED, py_bool;
    os_wifstopped => "WIFSTOPPED", libc::WIFSTOPPED, py_bool;
    os_wifcontinued => "WIFCONTINUED", libc::WIFCONTINUED, py_bool;
    os_wcoredump => "WCOREDUMP", libc::WCOREDUMP, py_bool;
    os_wexitstatus => "WEXITSTATUS", libc::WEXITSTATUS, |x: i32| new_int(x as i64);
    os_wtermsig => "WTERMSIG", libc::WTERMSIG, |x: i32| new_int(x as i64);
    os_wstopsig => "WSTOPSIG", libc::WSTOPSIG, |x: i32| new_int(x as i64);
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the killing signal.
fn os_waitstatus_to_exitcode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("waitstatus_to_exitcode", &["status"], 1)?;
    let s = int_arg(vm, b[0].as_ref().unwrap_or(&none()))? as libc::c_int;
    if libc::WIFEXITED(s) {
        return Ok(new_int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(new_int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(value_error(format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
    }
    Err(value_error(format!("invalid wait status: {s}")))
}

fn os_dup2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("dup2", &["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_arg(vm, b[0].as_ref().unwrap_or(&none()))?;
    let fd2 = fd_arg(vm, b[1].as_ref().unwrap_or(&none()))?;
    let inheritable = match &b[2] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: plain syscall on integer fds.
    let r = if fd == fd2 { unsafe { libc::fcntl(fd, libc::F_GETFD) } } else { unsafe { libc::dup3(fd, fd2, flags) } };
    check(vm, r, None, None)?;
    Ok(new_int(fd2 as i64))
}

fn fd_flag(vm: &mut Vm, fd: i32, get: libc::c_int) -> PyResult<libc::c_int> {
    // SAFETY: plain fcntl query on an integer fd.
    let r = unsafe { libc::fcntl(fd, get) };
    check(vm, r, None, None)
}

fn os_get_inheritable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("get_inheritable")?;
    let fd = fd_arg(vm, fd)?;
    Ok(py_bool(fd_flag(vm, fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0))
}

fn os_set_inheritable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, on] = args.exact::<2>("set_inheritable")?;
    let fd = fd_arg(vm, fd)?;
    let on = vm.truthy(on)?;
    clear_fd_bit(vm, fd, (libc::F_GETFD, libc::F_SETFD), libc::FD_CLOEXEC, on)
}

fn os_get_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("get_blocking")?;
    let fd = fd_arg(vm, fd)?;
    Ok(py_bool(fd_flag(vm, fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0))
}

fn os_set_blocking(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd, on] = args.exact::<2>("set_blocking")?;
    let fd = fd_arg(vm, fd)?;
    let on = vm.truthy(on)?;
    clear_fd_bit(vm, fd, (libc::F_GETFL, libc::F_SETFL), libc::O_NONBLOCK, on)
}

/// Clears (`clear`) or sets flag `bit` of `fd` through the fcntl (get, set) pair.
fn clear_fd_bit(vm: &mut Vm, fd: i32, (get, set): (i32, i32), bit: i32, clear: bool) -> PyResult {
    let old = fd_flag(vm, fd, get)?;
    let new = if clear { old & !bit } else { old | bit };
    // SAFETY: plain fcntl on an integer fd.
    check(vm, unsafe { libc::fcntl(fd, set, new) }, None, None)?;
    Ok(none())
}

pub(super) fn add_functions(d: &Value) {
    for (name, f) in [
        ("waitpid", os_waitpid as crate::vm::NativeFn),
        ("WIFEXITED", os_wifexited),
        ("WIFSIGNALED", os_wifsignaled),
        ("WIFSTOPPED", os_wifstopped),
        ("WIFCONTINUED", os_wifcontinued),
        ("WCOREDUMP", os_wcoredump),
        ("WEXITSTATUS", os_wexitstatus),
        ("WTERMSIG", os_wtermsig),
        ("WSTOPSIG", os_wstopsig),
        ("waitstatus_to_exitcode", os_waitstatus_to_exitcode),
        ("dup2", os_dup2),
        ("get_inheritable", os_get_inheritable),
        ("set_inheritable", os_set_inheritable),
        ("get_blocking", os_get_blocking),
        ("set_blocking", os_set_blocking),
    ] {
        add_function(d, "posix", name, f);
    }
}
