//! `posix.stat`/`lstat`/`fstat` and the struct-sequence types of `posix`: `stat_result`
//! (ten tuple fields plus the named float/ns times, block size, blocks, rdev, as CPython),
//! `uname_result`, `terminal_size`. Each type is made once per process.

use std::cell::RefCell;

use super::{PathOrFd, errno_err, last_errno};
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int};

use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::startup::structseq;
use crate::vm::{PyResult, Vm};

use crate::vm::startup::structseq::{TypeSlot, cached};
static STAT_RESULT: TypeSlot = GilStatic::new(RefCell::new(None));
static UNAME_RESULT: TypeSlot = GilStatic::new(RefCell::new(None));
static TERMINAL_SIZE: TypeSlot = GilStatic::new(RefCell::new(None));
static STATVFS_RESULT: TypeSlot = GilStatic::new(RefCell::new(None));

const STAT_FIELDS: &[&str] =
    &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];
const STAT_EXTRA: &[&str] = &[
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

pub(super) fn stat_result_type(vm: &mut Vm) -> PyResult {
    cached(&STAT_RESULT, |vm| structseq::new_type_ext(vm, "os", "stat_result", STAT_FIELDS, STAT_EXTRA))(vm)
}

pub(super) fn uname_result_type(vm: &mut Vm) -> PyResult {
    cached(&UNAME_RESULT, |vm| {
        structseq::new_type(vm, "posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"])
    })(vm)
}

pub(super) fn terminal_size_type(vm: &mut Vm) -> PyResult {
    cached(&TERMINAL_SIZE, |vm| structseq::new_type(vm, "os", "terminal_size", &["columns", "lines"]))(vm)
}

/// Seconds and nanoseconds → (int seconds, float seconds, int nanoseconds), as CPython's
/// `fill_time`.
fn times(sec: i64, nsec: i64) -> (Value, Value, Value) {
    let ns = num_bigint::BigInt::from(sec) * 1_000_000_000 + nsec;
    (new_int(sec), new_float(sec as f64 + nsec as f64 * 1e-9), new_bigint(ns))
}

/// A `stat_result` from a filled `struct stat`.
pub(super) fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult {
    let (ai, af, an) = times(st.st_atime, st.st_atime_nsec);
    let (mi, mf, mn) = times(st.st_mtime, st.st_mtime_nsec);
    let (ci, cf, cn) = times(st.st_ctime, st.st_ctime_nsec);
    let items = vec![
        new_int(st.st_mode as i64),
        new_bigint(num_bigint::BigInt::from(st.st_ino)),
        new_bigint(num_bigint::BigInt::from(st.st_dev)),
        new_int(st.st_nlink as i64),
        new_int(st.st_uid as i64),
        new_int(st.st_gid as i64),
        new_int(st.st_size),
        ai,
        mi,
        ci,
    ];
    let cls = stat_result_type(vm)?;
    let v = vm.call_pos(&cls, &[new_tuple(items)])?;
    structseq::set_extra(
        &v,
        &[
            ("st_atime", af),
            ("st_mtime", mf),
            ("st_ctime", cf),
            ("st_atime_ns", an),
            ("st_mtime_ns", mn),
            ("st_ctime_ns", cn),
            ("st_blksize", new_int(st.st_blksize)),
            ("st_blocks", new_int(st.st_blocks)),
            ("st_rdev", new_bigint(num_bigint::BigInt::from(st.st_rdev))),
        ],
    );
    Ok(v)
}

/// The raw `struct stat` of a path (relative to `dir_fd`) or an fd; errno on failure.
pub(super) fn raw_stat(p: &PathOrFd, dir_fd: i32, nofollow: bool) -> Result<libc::stat, i32> {
    // SAFETY: `struct stat` is plain data; all-zero is a valid value.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match p {
        // SAFETY: fstat fills the struct it is given.
        PathOrFd::Fd(fd) => unsafe { libc::fstat(*fd, &mut st) },
        PathOrFd::Path(pa) => {
            let Ok(c) = std::ffi::CString::new(pa.bytes.clone()) else { return Err(libc::EINVAL) };
            let flags = if nofollow { libc::AT_SYMLINK_NOFOLLOW } else { 0 };
            // SAFETY: `c` is NUL-terminated and outlives the call; `st` is writable.
            unsafe { libc::fstatat(dir_fd, c.as_ptr(), &mut st, flags) }
        }
    };
    if r == -1 { Err(last_errno()) } else { Ok(st) }
}

pub(super) fn do_stat(vm: &mut Vm, p: &PathOrFd, dir_fd: i32, nofollow: bool) -> PyResult {
    if let PathOrFd::Path(pa) = p {
        if pa.bytes.contains(&0) {
            return Err(crate::vm::errors::value_error("embedded null byte"));
        }
    }
    match raw_stat(p, dir_fd, nofollow) {
        Ok(st) => stat_value(vm, &st),
        Err(e) => {
            let f = if let PathOrFd::Path(pa) = p { Some(pa.obj.clone()) } else { None };
            Err(errno_err(vm, e, f.as_ref(), None))
        }
    }
}

pub(super) fn statvfs_result_type(vm: &mut Vm) -> PyResult {
    cached(&STATVFS_RESULT, |vm| {
        structseq::new_type_ext(
            vm,
            "os",
            "statvfs_result",
            &[
                "f_bsize",
                "f_frsize",
                "f_blocks",
                "f_bfree",
                "f_bavail",
                "f_files",
                "f_ffree",
                "f_favail",
                "f_flag",
                "f_namemax",
            ],
            &["f_fsid"],
        )
    })(vm)
}

/// `statvfs(path)` / `fstatvfs(fd)`.
pub(super) fn do_statvfs(vm: &mut Vm, p: &PathOrFd) -> PyResult {
    // SAFETY: `struct statvfs` is plain data; all-zero is a valid value.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = match p {
        // SAFETY: fstatvfs fills the struct it is given.
        PathOrFd::Fd(fd) => unsafe { libc::fstatvfs(*fd, &mut st) },
        PathOrFd::Path(pa) => {
            let Ok(c) = std::ffi::CString::new(pa.bytes.clone()) else {
                return Err(crate::vm::errors::value_error("embedded null byte"));
            };
            // SAFETY: `c` is NUL-terminated and outlives the call; `st` is writable.
            unsafe { libc::statvfs(c.as_ptr(), &mut st) }
        }
    };
    if r == -1 {
        let f = if let PathOrFd::Path(pa) = p { Some(pa.obj.clone()) } else { None };
        return Err(errno_err(vm, last_errno(), f.as_ref(), None));
    }
    let n = |x: u64| new_bigint(num_bigint::BigInt::from(x));
    let items = vec![
        n(st.f_bsize as u64),
        n(st.f_frsize as u64),
        n(st.f_blocks as u64),
        n(st.f_bfree as u64),
        n(st.f_bavail as u64),
        n(st.f_files as u64),
        n(st.f_ffree as u64),
        n(st.f_favail as u64),
        n(st.f_flag as u64),
        n(st.f_namemax as u64),
    ];
    let cls = statvfs_result_type(vm)?;
    let v = vm.call_pos(&cls, &[new_tuple(items)])?;
    structseq::set_extra(&v, &[("f_fsid", n(st.f_fsid as u64))]);
    Ok(v)
}
