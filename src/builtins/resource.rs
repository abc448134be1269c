//! The `resource` module: `getrlimit`/`setrlimit`/`prlimit`, `getrusage` (a
//! `struct_rusage` struct sequence) and `getpagesize` over libc, with resource.c's
//! errors (ValueErrors for a bad resource, who, or limit pair) and the RLIMIT_* constants.

use crate::builtins::posix::{errno_err, int_arg};
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_int};
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::structseq::{self, TypeSlot, cached};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const RUSAGE_FIELDS: &[&str] = &[
    "ru_utime",
    "ru_stime",
    "ru_maxrss",
    "ru_ixrss",
    "ru_idrss",
    "ru_isrss",
    "ru_minflt",
    "ru_majflt",
    "ru_nswap",
    "ru_inblock",
    "ru_oublock",
    "ru_msgsnd",
    "ru_msgrcv",
    "ru_nsignals",
    "ru_nvcsw",
    "ru_nivcsw",
];

/// glibc's `RLIM_NLIMITS`, the bound CPython checks resources against (the libc crate
/// deprecates its copy as unstable across kernels; CPython fixes it at build time too).
const RLIM_NLIMITS: i32 = 16;

static STRUCT_RUSAGE: TypeSlot = TypeSlot::new(std::cell::RefCell::new(None));

fn rusage_type(vm: &mut Vm) -> PyResult {
    cached(&STRUCT_RUSAGE, |vm| structseq::new_type(vm, "resource", "struct_rusage", RUSAGE_FIELDS))(vm)
}

/// The `resource` argument: a C int below RLIM_NLIMITS.
fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let r = int_arg(vm, v)?;
    let r =
        i32::try_from(r).map_err(|_| PyErr::new(&exc().overflow_error, "Python int too large to convert to C int"))?;
    if !(0..RLIM_NLIMITS).contains(&r) {
        return Err(value_error("invalid resource specified"));
    }
    Ok(r)
}

/// A limit as Python sees it: `rlim_t` read as a signed long, so RLIM_INFINITY is -1.
fn limit_value(l: libc::rlim_t) -> Value {
    new_int(l as i64)
}

fn limits_tuple(rl: &libc::rlimit) -> Value {
    new_tuple(vec![limit_value(rl.rlim_cur), limit_value(rl.rlim_max)])
}

/// `py2rlimit`: any sequence of two ints (taken as `long`, so -1 is RLIM_INFINITY).
fn rlimit_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::rlimit> {
    let items = vm.to_vec(v)?;
    if items.len() != 2 {
        return Err(value_error("expected a tuple of 2 integers"));
    }
    let mut out = [0 as libc::rlim_t; 2];
    for (o, item) in out.iter_mut().zip(&items) {
        let i = crate::builtins::numeric::index(vm, item)?;
        let n = int_val(&i).and_then(|i| i.as_i64());
        let n = n.ok_or_else(|| PyErr::new(&exc().overflow_error, "Python int too large to convert to C long"))?;
        *o = n as libc::rlim_t;
    }
    Ok(libc::rlimit { rlim_cur: out[0], rlim_max: out[1] })
}

fn setrlimit_error(vm: &mut Vm, err: i32) -> PyErr {
    match err {
        libc::EINVAL => value_error("current limit exceeds maximum limit"),
        libc::EPERM => value_error("not allowed to raise maximum limit"),
        e => errno_err(vm, e, None, None),
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn r_getrlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [res] = args.exact::<1>("resource.getrlimit")?;
    let res = resource_arg(vm, res)?;
    let mut rl = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: `rl` is a valid rlimit for getrlimit to fill.
    if unsafe { libc::getrlimit(res as _, &mut rl) } == -1 {
        return Err(errno_err(vm, last_errno(), None, None));
    }
    Ok(limits_tuple(&rl))
}

fn r_setrlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [res, limits] = args.exact::<2>("setrlimit")?;
    let r = resource_arg(vm, res)?;
    if crate::vm::startup::audit::active() {
        vm.audit("resource.setrlimit", vec![new_int(r as i64), limits.clone()])?;
    }
    let rl = rlimit_arg(vm, limits)?;
    // SAFETY: `rl` is a valid rlimit for setrlimit to read.
    if unsafe { libc::setrlimit(r as _, &rl) } == -1 {
        return Err(setrlimit_error(vm, last_errno()));
    }
    Ok(none())
}

/// `prlimit(pid, resource[, limits])`: the old limits; sets new ones if given.
fn r_prlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("resource.prlimit")?;
    let a = args.pos();
    if !(2..=3).contains(&a.len()) {
        return Err(type_error("resource.prlimit requires 2 to 3 arguments"));
    }
    let pid = int_arg(vm, &a[0])? as libc::pid_t;
    let r = resource_arg(vm, &a[1])?;
    let new = a.get(2).filter(|v| !v.is_none());
    if crate::vm::startup::audit::active() {
        vm.audit("resource.prlimit", vec![new_int(pid as i64), new_int(r as i64), new.cloned().unwrap_or_else(none)])?;
    }
    let new_rl = match new {
        Some(v) => Some(rlimit_arg(vm, v)?),
        None => None,
    };
    let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    let new_ptr = new_rl.as_ref().map_or(std::ptr::null(), |r| r as *const libc::rlimit);
    // SAFETY: `new_ptr` is null or points at `new_rl`; `old` is writable; both outlive
    // the call.
    if unsafe { libc::prlimit(pid, r as _, new_ptr, &mut old) } == -1 {
        return Err(setrlimit_error(vm, last_errno()));
    }
    Ok(limits_tuple(&old))
}

fn seconds(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 0.000001
}

fn r_getrusage(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [who] = args.exact::<1>("resource.getrusage")?;
    let who = int_arg(vm, who)?;
    let who = i32::try_from(who).map_err(|_| value_error("invalid who parameter"))?;
    // SAFETY: `rusage` is plain old data; all-zero is a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid rusage for getrusage to fill.
    if unsafe { libc::getrusage(who, &mut ru) } == -1 {
        let e = last_errno();
        if e == libc::EINVAL {
            return Err(value_error("invalid who parameter"));
        }
        return Err(errno_err(vm, e, None, None));
    }
    let ints = [
        ru.ru_maxrss,
        ru.ru_ixrss,
        ru.ru_idrss,
        ru.ru_isrss,
        ru.ru_minflt,
        ru.ru_majflt,
        ru.ru_nswap,
        ru.ru_inblock,
        ru.ru_oublock,
        ru.ru_msgsnd,
        ru.ru_msgrcv,
        ru.ru_nsignals,
        ru.ru_nvcsw,
        ru.ru_nivcsw,
    ];
    let mut values = vec![new_float(seconds(&ru.ru_utime)), new_float(seconds(&ru.ru_stime))];
    values.extend(ints.iter().map(|&n| new_int(n as i64)));
    let cls = rusage_type(vm)?;
    vm.call_pos(&cls, &[new_tuple(values)])
}

fn r_getpagesize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("resource.getpagesize")?;
    // SAFETY: sysconf has no memory arguments.
    Ok(new_int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

pub fn register() {
    crate::vm::interp::register_native("resource", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("resource");
    let d = module_dict(&m);
    for (name, f) in [
        ("getrlimit", r_getrlimit as crate::vm::NativeFn),
        ("setrlimit", r_setrlimit),
        ("prlimit", r_prlimit),
        ("getrusage", r_getrusage),
        ("getpagesize", r_getpagesize),
    ] {
        add_function(&d, "resource", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("error"), exc().os_error.clone());
    dd.set_str(new_str("struct_rusage"), rusage_type(vm)?);
    for (k, v) in [
        ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
        ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
        ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
        ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
        ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
        ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
        ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
        ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
        // BSD's old name for RLIMIT_NOFILE, which glibc keeps.
        ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
        ("RLIMIT_AS", libc::RLIMIT_AS as i64),
        ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
        ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
        ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
        ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
        ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
        ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
        ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
        ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
        ("RLIM_INFINITY", libc::RLIM_INFINITY as i64),
    ] {
        dd.set_str(new_str(k), new_int(v));
    }
    Ok(m)
}
