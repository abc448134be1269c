//! The `syslog` module over libc's `openlog`/`syslog`/`closelog`/`setlogmask`, with
//! syslogmodule.c's rules: the ident defaults to the script's base name (`sys.argv[0]`),
//! `syslog` opens the log on first use, the message goes through "%s", plus `LOG_MASK`,
//! `LOG_UPTO` and the LOG_* constants.

use std::ffi::CString;

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::none;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// The open log's ident: libc keeps the pointer, so the string lives here until the
/// next `openlog` or `closelog`. `Some` while the log is open.
static IDENT: GilStatic<std::cell::RefCell<Option<Option<CString>>>> = GilStatic::new(std::cell::RefCell::new(None));

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = crate::builtins::posix::int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| {
        crate::vm::errors::PyErr::new(
            &crate::objects::registry::exc().overflow_error,
            "Python int too large to convert to C int",
        )
    })
}

/// The base name of `sys.argv[0]`, if it is a non-empty str.
fn argv_ident(vm: &mut Vm) -> Option<String> {
    let argv = crate::builtins::io::sys_attr(vm, "argv")?;
    let first = vm.to_vec(&argv).ok()?.into_iter().next()?;
    let s = first.as_str()?;
    if s.is_empty() {
        return None;
    }
    Some(s.rsplit('/').next().unwrap_or(s).to_owned())
}

fn open(vm: &mut Vm, ident: Option<String>, option: libc::c_int, facility: libc::c_int) -> PyResult<()> {
    let ident = ident.or_else(|| argv_ident(vm));
    if crate::vm::startup::audit::active() {
        let i = ident.clone().map(new_str).unwrap_or_else(none);
        vm.audit("syslog.openlog", vec![i, new_int(option as i64), new_int(facility as i64)])?;
    }
    let c = match ident {
        Some(s) => Some(CString::new(s).map_err(|_| value_error("embedded null character"))?),
        None => None,
    };
    let mut slot = IDENT.borrow_mut();
    let ptr = c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `ptr` is null or a NUL-terminated string stored in IDENT, which keeps it
    // alive while the log uses it (it is replaced only after the next openlog/closelog).
    unsafe { libc::openlog(ptr, option, facility) };
    *slot = Some(c);
    Ok(())
}

/// `openlog(ident=None, logoption=0, facility=LOG_USER)`.
fn s_openlog(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = args.values.len();
    if n > 3 {
        return Err(type_error(format!("openlog() takes at most 3 arguments ({n} given)")));
    }
    let b = args.bind("openlog", &["ident", "logoption", "facility"], 0)?;
    let ident = match b[0].as_ref().filter(|v| !v.is_none()) {
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => return Err(type_error(format!("openlog() argument 1 must be str, not {}", type_name(v)))),
        },
        None => None,
    };
    let option = match &b[1] {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let facility = match &b[2] {
        Some(v) => c_int(vm, v)?,
        None => libc::LOG_USER,
    };
    open(vm, ident, option, facility)?;
    Ok(none())
}

/// `syslog([priority=LOG_INFO,] message)`.
fn s_syslog(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let bad = || type_error("[priority,] message string");
    args.no_kwargs("syslog")?;
    let (priority, message) = match args.pos() {
        [m] => (libc::LOG_INFO, m),
        [p, m] => (c_int(vm, p).map_err(|_| bad())?, m),
        _ => return Err(bad()),
    };
    let Some(msg) = message.as_str() else { return Err(bad()) };
    if crate::vm::startup::audit::active() {
        vm.audit("syslog.syslog", vec![new_int(priority as i64), message.clone()])?;
    }
    if IDENT.borrow().is_none() {
        open(vm, None, 0, libc::LOG_USER)?;
    }
    // The C string ends at an embedded NUL, as CPython's does.
    let c = CString::new(msg.split('\0').next().unwrap_or("")).map_err(|_| value_error("embedded null character"))?;
    // SAFETY: a "%s" format with one NUL-terminated string argument.
    unsafe { libc::syslog(priority, c"%s".as_ptr(), c.as_ptr()) };
    Ok(none())
}

fn s_closelog(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("closelog")?;
    if crate::vm::startup::audit::active() {
        vm.audit("syslog.closelog", vec![])?;
    }
    let mut slot = IDENT.borrow_mut();
    if slot.is_some() {
        // SAFETY: closelog has no arguments; the ident is dropped after it.
        unsafe { libc::closelog() };
        *slot = None;
    }
    Ok(none())
}

fn s_setlogmask(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [m] = args.exact::<1>("setlogmask")?;
    let mask = c_int(vm, m)?;
    if crate::vm::startup::audit::active() {
        vm.audit("syslog.setlogmask", vec![new_int(mask as i64)])?;
    }
    // SAFETY: setlogmask takes an int.
    Ok(new_int(unsafe { libc::setlogmask(mask) } as i64))
}

fn s_log_mask(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p] = args.exact::<1>("LOG_MASK")?;
    let p = c_int(vm, p)?;
    Ok(new_int(1i64.checked_shl(p as u32).filter(|_| p >= 0).unwrap_or(0) as i32 as i64))
}

fn s_log_upto(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p] = args.exact::<1>("LOG_UPTO")?;
    let p = c_int(vm, p)?;
    let m = 1i64.checked_shl(p.wrapping_add(1) as u32).filter(|_| p >= -1).unwrap_or(0) - 1;
    Ok(new_int(m as i32 as i64))
}

pub fn register() {
    crate::vm::interp::register_native("syslog", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("syslog");
    let d = module_dict(&m);
    for (name, f) in [
        ("openlog", s_openlog as crate::vm::NativeFn),
        ("syslog", s_syslog),
        ("closelog", s_closelog),
        ("setlogmask", s_setlogmask),
        ("LOG_MASK", s_log_mask),
        ("LOG_UPTO", s_log_upto),
    ] {
        add_function(&d, "syslog", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    for (k, v) in [
        ("LOG_EMERG", libc::LOG_EMERG),
        ("LOG_ALERT", libc::LOG_ALERT),
        ("LOG_CRIT", libc::LOG_CRIT),
        ("LOG_ERR", libc::LOG_ERR),
        ("LOG_WARNING", libc::LOG_WARNING),
        ("LOG_NOTICE", libc::LOG_NOTICE),
        ("LOG_INFO", libc::LOG_INFO),
        ("LOG_DEBUG", libc::LOG_DEBUG),
        ("LOG_PID", libc::LOG_PID),
        ("LOG_CONS", libc::LOG_CONS),
        ("LOG_NDELAY", libc::LOG_NDELAY),
        ("LOG_ODELAY", libc::LOG_ODELAY),
        ("LOG_NOWAIT", libc::LOG_NOWAIT),
        ("LOG_PERROR", libc::LOG_PERROR),
        ("LOG_KERN", libc::LOG_KERN),
        ("LOG_USER", libc::LOG_USER),
        ("LOG_MAIL", libc::LOG_MAIL),
        ("LOG_DAEMON", libc::LOG_DAEMON),
        ("LOG_AUTH", libc::LOG_AUTH),
        ("LOG_LPR", libc::LOG_LPR),
        ("LOG_LOCAL0", libc::LOG_LOCAL0),
        ("LOG_LOCAL1", libc::LOG_LOCAL1),
        ("LOG_LOCAL2", libc::LOG_LOCAL2),
        ("LOG_LOCAL3", libc::LOG_LOCAL3),
        ("LOG_LOCAL4", libc::LOG_LOCAL4),
        ("LOG_LOCAL5", libc::LOG_LOCAL5),
        ("LOG_LOCAL6", libc::LOG_LOCAL6),
        ("LOG_LOCAL7", libc::LOG_LOCAL7),
        ("LOG_SYSLOG", libc::LOG_SYSLOG),
        ("LOG_CRON", libc::LOG_CRON),
        ("LOG_UUCP", libc::LOG_UUCP),
        ("LOG_NEWS", libc::LOG_NEWS),
        ("LOG_AUTHPRIV", libc::LOG_AUTHPRIV),
    ] {
        dd.set_str(new_str(k), new_int(v as i64));
    }
    Ok(m)
}
