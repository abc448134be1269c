//! The `time` module: wall clock, monotonic and CPU clocks, and `sleep`.

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
    if let Ok(mut t) = crate::vm::interp::NATIVE_MODULES.lock() {
        if !t.iter().any(|(n, _)| *n == "time") {
            t.push(("time", init_module));
        }
    }
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
fn t_process(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("process_time")?;
    Ok(new_float(origin().elapsed().as_secs_f64()))
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
    let main = vm.thread.is_main;
    let interrupted = vm.allow_threads(|| {
        let end = std::time::Instant::now() + dur;
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
    if interrupted && crate::vm::startup::take_sigint() {
        return Err(crate::vm::PyErr::bare(&crate::objects::registry::exc().keyboard_interrupt));
    }
    Ok(none())
}

pub fn init_module(_vm: &mut Vm) -> PyResult<Value> {
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
        ("sleep", t_sleep),
    ] {
        add_function(&d, "time", name, f);
    }
    Ok(m)
}
