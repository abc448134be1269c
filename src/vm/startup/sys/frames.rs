//! The `sys` functions about frames, tracing, exceptions, exit and recursion:
//! `_getframe`, `settrace`/`gettrace`/`setprofile`/`getprofile`/`call_tracing`,
//! `exc_info`/`exception`, `excepthook`/`__excepthook__`, `exit`,
//! `getrecursionlimit`/`setrecursionlimit`.

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, new_exception, type_error, value_error};
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

/// Adds this file's functions to the `sys` module dict `d`.
pub fn init(d: &Value) {
    for (name, f) in [
        ("exit", sys_exit as crate::vm::NativeFn),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("_getframe", sys_getframe),
        ("settrace", crate::vm::trace::sys_settrace),
        ("gettrace", crate::vm::trace::sys_gettrace),
        ("setprofile", crate::vm::trace::sys_setprofile),
        ("getprofile", crate::vm::trace::sys_getprofile),
        ("call_tracing", sys_call_tracing),
        ("excepthook", sys_excepthook),
    ] {
        add_function(d, "sys", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        if let Some(h) = dd.get_str("excepthook") {
            dd.set_str(new_str("__excepthook__"), h);
        }
    }
}

fn sys_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("exit", 0, 1)?;
    args.no_kwargs("exit")?;
    // As PyErr_SetObject: None means no args, a tuple is the args.
    let argv = match a.first() {
        None => vec![],
        Some(v) if v.is_none() => vec![],
        Some(v) if v.kind() == Kind::Tuple => v.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
        Some(v) => vec![v.clone()],
    };
    Err(PyErr(new_exception(&exc().system_exit, argv)))
}

/// (type, value, traceback) of the exception being handled.
pub fn exc_info_tuple(vm: &Vm) -> Value {
    match vm.current_handled() {
        Some(e) => new_tuple(vec![e.type_of().clone(), e.clone(), crate::vm::interp::exc_traceback(&e)]),
        None => new_tuple(vec![none(), none(), none()]),
    }
}

fn sys_exc_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("exc_info")?;
    Ok(exc_info_tuple(vm))
}

fn sys_exception(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("exception")?;
    Ok(vm.current_handled().unwrap_or_else(none))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("getrecursionlimit")?;
    Ok(new_int((vm.recursion_limit + vm.c_depth) as i64))
}

/// A C `int` argument as Argument Clinic converts it.
fn c_int(v: &Value) -> PyResult<i64> {
    if v.kind() == Kind::Float || crate::objects::int::to_bigint(v).is_none() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::vm::protocol::type_name(v)
        )));
    }
    match crate::objects::int::to_i64(v) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(PyErr::new(&exc().overflow_error, "Python int too large to convert to C int")),
    }
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>("setrecursionlimit")?;
    let n = c_int(n)?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    // CPython counts the running C call too.
    let depth = (vm.frames.len() + vm.c_depth) as i64 + 1;
    if depth >= n {
        return Err(PyErr::new(
            &exc().recursion_error,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.recursion_limit = (n as usize).saturating_sub(vm.c_depth).max(1);
    Ok(none())
}

fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("_getframe", 0, 1)?;
    let depth = match a.first() {
        Some(v) => c_int(v)?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth >= n {
        return Err(value_error("call stack is not deep enough"));
    }
    // A negative depth is the current frame, as in CPython.
    let idx = (n - 1 - depth.max(0)) as usize;
    let fo = crate::vm::interp::frame_object_at(vm, idx);
    vm.audit("sys._getframe", vec![fo.clone()])?;
    Ok(fo)
}

/// `sys.call_tracing(func, args)`: calls `func(*args)` with tracing on even inside a
/// trace function.
fn sys_call_tracing(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f, a] = args.exact::<2>("call_tracing")?;
    let Some(t) = a.as_tuple().map(|t| t.to_vec()) else {
        return Err(type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            crate::vm::protocol::type_name(a)
        )));
    };
    let saved = std::mem::replace(&mut vm.trace.tracing, false);
    let r = vm.call(f, Args::positional_only(&t));
    vm.trace.tracing = saved;
    r
}

/// `sys.excepthook(type, value, traceback)`: prints the traceback to `sys.stderr`.
fn sys_excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [_ty, value, tb] = args.exact::<3>("excepthook")?;
    if let Some(p) = value.downcast::<crate::objects::exception::PyException>() {
        if !tb.is_none() && tb.kind() == Kind::Traceback {
            let same = p.traceback.borrow().as_ref().is_some_and(|t| t.is(tb));
            if !same {
                *p.traceback.borrow_mut() = Some(tb.clone());
            }
        }
    }
    let s = if crate::vm::protocol::is_subtype(value.type_of(), &crate::objects::types().base_exception) {
        vm.format_exception(value)
    } else {
        format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            crate::vm::protocol::type_name(value)
        )
    };
    write_stderr(vm, &s);
    Ok(none())
}

/// Writes to `sys.stderr` (falling back to the process's stderr).
pub fn write_stderr(vm: &mut Vm, s: &str) {
    crate::vm::startup::flush_std_streams(vm);
    match crate::builtins::io::sys_attr(vm, "stderr").filter(|f| !f.is_none()) {
        Some(f) => {
            if crate::builtins::io::write_to(vm, &f, s).is_err() {
                eprint!("{s}");
            }
            crate::vm::startup::flush_std_streams(vm);
        }
        None => eprint!("{s}"),
    }
}
