//! The `time` module: wall clock, monotonic and CPU clocks, and `sleep`; the calendar
//! functions (`localtime`, `strftime`, `struct_time`...) are in `timemod/calendar.rs`.

mod calendar;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::objects::float::new_float;
use crate::objects::int::new_bigint;
use crate::objects::none;
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// Registers the module with the importer.
pub fn register() {
    crate::vm::interp::register_native("time", init_module);
}

/// The process-wide origin of `perf_counter`/`monotonic`.
fn origin() -> Instant {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn t_time(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("time")?;
    Ok(new_float(since_epoch().as_secs_f64()))
}
fn t_time_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("time_ns")?;
    Ok(new_bigint(since_epoch().as_nanos().into()))
}
fn t_perf(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("perf_counter")?;
    Ok(new_float(origin().elapsed().as_secs_f64()))
}
fn t_perf_ns(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("perf_counter_ns")?;
    Ok(new_bigint(origin().elapsed().as_nanos().into()))
}
/// `clock_gettime(clk)` as (seconds, nanoseconds); EINVAL for an unknown clock.
fn clock(vm: &mut Vm, clk: libc::clockid_t) -> PyResult<(i64, i64)> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `clock_gettime` only writes the timespec it is given.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
        return Err(crate::builtins::posix::errno_err(vm, code, None, None));
    }
    Ok((ts.tv_sec, ts.tv_nsec))
}
fn clock_f(vm: &mut Vm, clk: libc::clockid_t) -> PyResult {
    let (s, ns) = clock(vm, clk)?;
    Ok(new_float(s as f64 + ns as f64 * 1e-9))
}
fn clock_ns(vm: &mut Vm, clk: libc::clockid_t) -> PyResult {
    let (s, ns) = clock(vm, clk)?;
    Ok(new_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns))
}
fn t_process(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("process_time")?;
    clock_f(vm, libc::CLOCK_PROCESS_CPUTIME_ID)
}
fn t_process_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("process_time_ns")?;
    clock_ns(vm, libc::CLOCK_PROCESS_CPUTIME_ID)
}
fn t_thread(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("thread_time")?;
    clock_f(vm, libc::CLOCK_THREAD_CPUTIME_ID)
}
fn t_thread_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("thread_time_ns")?;
    clock_ns(vm, libc::CLOCK_THREAD_CPUTIME_ID)
}
fn clk_id(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<libc::clockid_t> {
    let [c] = args.exact::<1>(fname)?;
    let n = crate::builtins::posix::int_arg(vm, c)?;
    libc::clockid_t::try_from(n).map_err(|_| {
        crate::vm::errors::PyErr::new(
            &crate::objects::registry::exc().overflow_error,
            "signed integer is greater than maximum",
        )
    })
}
fn t_clock_gettime(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = clk_id(vm, &args, "clock_gettime")?;
    clock_f(vm, c)
}
fn t_clock_gettime_ns(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = clk_id(vm, &args, "clock_gettime_ns")?;
    clock_ns(vm, c)
}
fn t_clock_getres(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = clk_id(vm, &args, "clock_getres")?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `clock_getres` only writes the timespec it is given.
    if unsafe { libc::clock_getres(c, &mut ts) } != 0 {
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
        return Err(crate::builtins::posix::errno_err(vm, code, None, None));
    }
    Ok(new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `get_clock_info(name)`: a SimpleNamespace with CPython's values on Linux.
fn t_get_clock_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>("get_clock_info")?;
    let (imp, mono, adj, res) = match n.as_str() {
        Some("time") => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-9),
        Some("monotonic") | Some("perf_counter") => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9),
        Some("process_time") => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9),
        Some("thread_time") => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9),
        _ => return Err(value_error("unknown clock")),
    };
    let types_mod = vm.import_module("types")?;
    let ns = vm.getattr_str(&types_mod, "SimpleNamespace")?;
    let vals = [
        crate::objects::str::new_str(imp),
        crate::objects::py_bool(mono),
        crate::objects::py_bool(adj),
        new_float(res),
    ];
    let names: Vec<Value> = ["implementation", "monotonic", "adjustable", "resolution"]
        .iter()
        .map(|k| crate::objects::str::new_str(*k))
        .collect();
    vm.call(&ns, Args::new(&vals, &names))
}
fn t_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("sleep")?;
    let secs = match (s.as_float(), crate::objects::int::to_i64(s)) {
        (Some(f), _) => f,
        (None, Some(i)) => i as f64,
        _ => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::vm::protocol::type_name(s)
            )));
        }
    };
    if secs < 0.0 || secs.is_nan() {
        return Err(value_error("sleep length must be non-negative"));
    }
    let dur = Duration::from_secs_f64(secs.min(1e9));
    // The main thread sleeps in short slices so Ctrl-C interrupts it promptly (CPython's
    // sleep returns EINTR and runs the SIGINT handler); other threads get no signals.
    // A handler that returns lets the sleep go on to its end (PEP 475).
    let main = vm.thread.is_main;
    let end = std::time::Instant::now() + dur;
    loop {
        let interrupted = vm.allow_threads(|| {
            loop {
                let now = std::time::Instant::now();
                if now >= end {
                    return false;
                }
                if main && crate::vm::startup::sigint_pending() {
                    return true;
                }
                let step = if main { (end - now).min(Duration::from_millis(5)) } else { end - now };
                std::thread::sleep(step);
            }
        });
        if !interrupted {
            return Ok(none());
        }
        crate::builtins::signal::check_signals(vm)?;
    }
}

pub fn init_module(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("time");
    let d = module_dict(&m);
    for (name, f) in [
        ("time", t_time as crate::vm::NativeFn),
        ("time_ns", t_time_ns),
        ("perf_counter", t_perf),
        ("perf_counter_ns", t_perf_ns),
        ("monotonic", t_perf),
        ("monotonic_ns", t_perf_ns),
        ("process_time", t_process),
        ("process_time_ns", t_process_ns),
        ("thread_time", t_thread),
        ("thread_time_ns", t_thread_ns),
        ("clock_gettime", t_clock_gettime),
        ("clock_gettime_ns", t_clock_gettime_ns),
        ("clock_getres", t_clock_getres),
        ("get_clock_info", t_get_clock_info),
        ("sleep", t_sleep),
        ("localtime", calendar::t_localtime),
        ("gmtime", calendar::t_gmtime),
        ("mktime", calendar::t_mktime),
        ("strftime", calendar::t_strftime),
        ("strptime", calendar::t_strptime),
        ("asctime", calendar::t_asctime),
        ("ctime", calendar::t_ctime),
        ("tzset", calendar::t_tzset),
    ] {
        add_function(&d, "time", name, f);
    }
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    let st = calendar::struct_time_type(vm)?;
    dd.set_str(crate::objects::str::new_str("struct_time"), st);
    dd.set_str(crate::objects::str::new_str("_STRUCT_TM_ITEMS"), Value::small(11));
    for (name, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        dd.set_str(crate::objects::str::new_str(name), Value::small(v as i64));
    }
    calendar::set_timezone_globals(vm, &d)?;
    Ok(m)
}
