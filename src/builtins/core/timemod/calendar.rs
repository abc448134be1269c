//! The calendar half of `time`: `struct_time`, `localtime`/`gmtime`/`mktime` over libc's
//! `localtime_r`/`gmtime_r`/`mktime`, `strftime`/`asctime`/`ctime`, `strptime` (through
//! CPython's `_strptime.py`), and the `timezone`/`altzone`/`daylight`/`tzname` globals
//! computed as timemodule.c's `init_timezone` does on glibc.

use std::ffi::{CStr, CString};

use crate::objects::int::{new_int, to_i64};
use crate::objects::str::new_str;
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::{none, registry::exc};
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::structseq::{self, TypeSlot, cached};
use crate::vm::{Args, PyResult, Vm};

static STRUCT_TIME: TypeSlot = TypeSlot::new(std::cell::RefCell::new(None));

const FIELDS: &[&str] =
    &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// `time.struct_time`: nine tuple fields plus the named-only `tm_zone` and `tm_gmtoff`.
pub fn struct_time_type(vm: &mut Vm) -> PyResult {
    cached(&STRUCT_TIME, |vm| {
        let cls = structseq::new_type_ext(vm, "time", "struct_time", FIELDS, &["tm_zone", "tm_gmtoff"])?;
        crate::vm::startup::add_staticmethod(&cls, "__new__", st_new);
        if let Some(t) = cls.as_type() {
            t.modified();
        }
        Ok(cls)
    })(vm)
}

/// `struct_time(sequence, dict=None)`: 9 to 11 items; the last two are the zone and offset.
fn st_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("struct_time", &["cls", "sequence", "dict"], 2)?;
    let (Some(cls), Some(seq)) = (&b[0], &b[1]) else { return Err(type_error("struct_time() missing argument")) };
    let items = vm.to_vec(seq)?;
    if items.len() < 9 {
        return Err(type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > 11 {
        return Err(type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let v = crate::objects::sequtil::subclass_instance(cls, new_tuple(items[..9].to_vec()));
    let extra = |i: usize| items.get(i).cloned().unwrap_or_else(none);
    structseq::set_extra(&v, &[("tm_zone", extra(9)), ("tm_gmtoff", extra(10))]);
    Ok(v)
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: `struct tm` is plain integers and a nullable pointer: all zeroes is valid.
    unsafe { std::mem::zeroed() }
}

/// A filled `struct tm` as a `struct_time` (CPython's `tmtotuple`).
pub fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> PyResult {
    let items = vec![
        new_int(tm.tm_year as i64 + 1900),
        new_int(tm.tm_mon as i64 + 1),
        new_int(tm.tm_mday as i64),
        new_int(tm.tm_hour as i64),
        new_int(tm.tm_min as i64),
        new_int(tm.tm_sec as i64),
        new_int((tm.tm_wday as i64 + 6) % 7),
        new_int(tm.tm_yday as i64 + 1),
        new_int(tm.tm_isdst as i64),
    ];
    let zone = if tm.tm_zone.is_null() {
        none()
    } else {
        // SAFETY: libc set `tm_zone` to a NUL-terminated string that lives as long as the
        // time zone data (until the next `tzset`); it is copied here at once.
        new_str(unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    let cls = struct_time_type(vm)?;
    let v = crate::objects::sequtil::subclass_instance(&cls, new_tuple(items));
    structseq::set_extra(&v, &[("tm_zone", zone), ("tm_gmtoff", new_int(tm.tm_gmtoff))]);
    Ok(v)
}

fn overflow(msg: &str) -> PyErr {
    PyErr::new(&exc().overflow_error, msg)
}

/// A seconds argument as `time_t`, rounded toward minus infinity (`_PyTime_ObjectToTime_t`
/// with `_PyTime_ROUND_FLOOR`); None or absent is now.
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        // SAFETY: `time` with a null pointer only returns the current time.
        return Ok(unsafe { libc::time(std::ptr::null_mut()) });
    };
    if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            return Err(overflow("timestamp out of range for platform time_t"));
        }
        return Ok(f as libc::time_t);
    }
    if crate::objects::int::is_int(v) {
        return to_i64(v).ok_or_else(|| overflow("timestamp out of range for platform time_t"));
    }
    crate::builtins::posix::int_arg(vm, v)
}

fn last_os_error(vm: &mut Vm) -> PyErr {
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
    crate::builtins::posix::errno_err(vm, if code == 0 { libc::EINVAL } else { code }, None, None)
}

/// `localtime_r` (local) or `gmtime_r` of `t`.
fn broken_down(vm: &mut Vm, t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: both functions only write the `tm` they are given.
    let ok = unsafe {
        if local { !libc::localtime_r(&t, &mut tm).is_null() } else { !libc::gmtime_r(&t, &mut tm).is_null() }
    };
    if !ok {
        return Err(last_os_error(vm));
    }
    Ok(tm)
}

/// At most one optional positional argument, worded as `PyArg_ParseTuple("|O:name")`.
fn opt_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<Option<&'a Value>> {
    args.no_kwargs(fname)?;
    match args.pos() {
        [] => Ok(None),
        [v] => Ok(Some(v)),
        p => Err(type_error(format!("{fname}() takes at most 1 argument ({} given)", p.len()))),
    }
}

pub fn t_localtime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = time_t_arg(vm, opt_arg(&args, "localtime")?)?;
    let tm = broken_down(vm, t, true)?;
    tm_to_struct(vm, &tm)
}

pub fn t_gmtime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = time_t_arg(vm, opt_arg(&args, "gmtime")?)?;
    let tm = broken_down(vm, t, false)?;
    tm_to_struct(vm, &tm)
}

/// A `struct tm` from a 9-tuple or `struct_time` (`gettmarg`); `zone` keeps the
/// `tm_zone` string alive for as long as the `tm` points at it.
struct TmArg {
    tm: libc::tm,
    _zone: Option<CString>,
}

fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<TmArg> {
    let Some(t) = v.downcast::<PyTuple>() else {
        return Err(type_error("Tuple or struct_time argument required"));
    };
    let items = t.0.to_vec();
    if items.len() != 9 {
        return Err(type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i32; 9];
    for (slot, item) in n.iter_mut().zip(items.iter()) {
        let x = crate::builtins::posix::int_arg(vm, item)?;
        *slot = i32::try_from(x).map_err(|_| {
            overflow(if x < 0 {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            })
        })?;
    }
    let mut tm = zeroed_tm();
    tm.tm_year = n[0].wrapping_sub(1900);
    tm.tm_mon = n[1].wrapping_sub(1);
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6].wrapping_add(1)) % 7;
    tm.tm_yday = n[7].wrapping_sub(1);
    tm.tm_isdst = n[8];
    let mut zone = None;
    if v.type_of().is(&struct_time_type(vm)?) {
        if let Some(z) = vm.getattr_opt(v, "tm_zone")?.filter(|z| !z.is_none()) {
            let s = z.as_str().ok_or_else(|| type_error("tm_zone must be a str"))?;
            let c = CString::new(s).map_err(|_| value_error("embedded null character"))?;
            tm.tm_zone = c.as_ptr();
            zone = Some(c);
        }
        if let Some(off) = vm.getattr_opt(v, "tm_gmtoff")?.filter(|o| !o.is_none()) {
            tm.tm_gmtoff = crate::builtins::posix::int_arg(vm, &off)?;
        }
    }
    Ok(TmArg { tm, _zone: zone })
}

/// `checktm`: the ranges strftime and asctime index tables with; zero month, day and
/// day-of-year mean the first.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(())
}

/// The tm of an optional time-tuple argument, or of `localtime()`.
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<TmArg> {
    match v {
        Some(v) => tm_arg(vm, v, fname),
        None => {
            let t = time_t_arg(vm, None)?;
            Ok(TmArg { tm: broken_down(vm, t, true)?, _zone: None })
        }
    }
}

pub fn t_mktime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("mktime")?;
    let mut a = tm_arg(vm, v, "mktime")?;
    // A wday that mktime leaves at -1 tells a real error from the valid result -1.
    a.tm.tm_wday = -1;
    // SAFETY: `mktime` normalises the `tm` it is given in place.
    let t = unsafe { libc::mktime(&mut a.tm) };
    if t == -1 && a.tm.tm_wday == -1 {
        return Err(overflow("mktime argument out of range"));
    }
    Ok(crate::objects::float::new_float(t as f64))
}

pub fn t_strftime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("strftime")?;
    let p = args.pos();
    if p.is_empty() || p.len() > 2 {
        return Err(type_error(format!(
            "strftime() takes at {} {} argument{} ({} given)",
            if p.is_empty() { "least" } else { "most" },
            if p.is_empty() { 1 } else { 2 },
            if p.is_empty() { "" } else { "s" },
            p.len()
        )));
    }
    let Some(fmt) = p[0].as_str() else {
        return Err(type_error(format!("strftime() argument 1 must be str, not {}", type_name(&p[0]))));
    };
    let mut a = tm_or_now(vm, p.get(1), "strftime")?;
    check_tm(&mut a.tm)?;
    a.tm.tm_isdst = a.tm.tm_isdst.clamp(-1, 1);
    Ok(new_str(strftime(fmt, &a.tm)?))
}

/// libc `strftime` into a buffer grown until the output fits (as time_strftime: an empty
/// result is taken as final once the buffer is 256 times the format's length).
pub fn strftime(fmt: &str, tm: &libc::tm) -> PyResult<String> {
    if fmt.is_empty() {
        return Ok(String::new());
    }
    let cfmt = CString::new(fmt).map_err(|_| value_error("embedded null character"))?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes; `cfmt` and `tm` are valid for the call.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, cfmt.as_ptr(), tm) };
        if n > 0 || size >= 256 * fmt.len() {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 2;
    }
}

/// `asctime`'s fixed layout: `Thu Jan  1 00:00:00 1970`.
fn asctime(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.clamp(0, 11) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

pub fn t_asctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = opt_arg(&args, "asctime")?;
    let mut a = tm_or_now(vm, v, "asctime")?;
    check_tm(&mut a.tm)?;
    Ok(new_str(asctime(&a.tm)))
}

pub fn t_ctime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = time_t_arg(vm, opt_arg(&args, "ctime")?)?;
    let tm = broken_down(vm, t, true)?;
    Ok(new_str(asctime(&tm)))
}

/// `strptime(string, format)`: `_strptime._strptime_time`, as CPython delegates it.
pub fn t_strptime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("strptime")?;
    let m = vm.import_module("_strptime")?;
    let f = vm.getattr_str(&m, "_strptime_time")?;
    vm.call_pos(&f, args.pos())
}

/// `tzset()`: re-reads `TZ` and recomputes the module's zone globals.
pub fn t_tzset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("tzset")?;
    unsafe extern "C" {
        // POSIX; the libc crate does not declare it.
        fn tzset();
    }
    // SAFETY: `tzset` only re-reads the environment into libc's zone state.
    unsafe { tzset() };
    let m = vm.import_module("time")?;
    set_timezone_globals(vm, &crate::vm::startup::module_dict(&m))?;
    Ok(none())
}

/// `timezone`, `altzone`, `daylight`, `tzname` from the zones in effect half a year apart
/// (the southern hemisphere's DST is in January).
pub fn set_timezone_globals(vm: &mut Vm, d: &Value) -> PyResult<()> {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    // SAFETY: as in `time_t_arg`.
    let now = unsafe { libc::time(std::ptr::null_mut()) };
    let t = (now / YEAR) * YEAR;
    let zone = |tm: &libc::tm| -> String {
        if tm.tm_zone.is_null() {
            return String::new();
        }
        // SAFETY: see `tm_to_struct`.
        let s = unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned();
        s.chars().take(9).collect()
    };
    let jan = broken_down(vm, t, true)?;
    let jul = broken_down(vm, t + YEAR / 2, true)?;
    let (janzone, julzone) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (janname, julname) = (zone(&jan), zone(&jul));
    let (tz, alt, names) =
        if janzone < julzone { (julzone, janzone, (julname, janname)) } else { (janzone, julzone, (janname, julname)) };
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("timezone"), new_int(tz));
    dd.set_str(new_str("altzone"), new_int(alt));
    dd.set_str(new_str("daylight"), new_int((janzone != julzone) as i64));
    dd.set_str(new_str("tzname"), new_tuple(vec![new_str(names.0), new_str(names.1)]));
    Ok(())
}
