//! Leaving the interpreter as CPython does: uncaught exceptions through `sys.excepthook`
//! ("Error in sys.excepthook:" when the hook fails), `SystemExit` exit codes, and the
//! `atexit` module whose callbacks run last-in first-out at shutdown.

use std::cell::RefCell;

use crate::objects::dict::PyDict;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::values::gil::GilCell;
use crate::vm::errors::type_error;
use crate::vm::startup::sys::frames::write_stderr;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// One `atexit.register` entry: function, positional args, keyword names and values.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

static CALLBACKS: GilCell<RefCell<Vec<Option<Callback>>>> = GilCell::new();

fn callbacks() -> &'static RefCell<Vec<Option<Callback>>> {
    CALLBACKS.init(Default::default)
}

/// The exit status for an uncaught `SystemExit` (CPython's `_Py_HandleSystemExit`):
/// `code` None → 0, an int → it, anything else is printed to stderr → 1.
pub fn system_exit_status(vm: &mut Vm, e: &Value) -> i32 {
    let code = match vm.getattr_opt(e, "code") {
        Ok(Some(c)) => c,
        _ => e.clone(),
    };
    if code.is_none() {
        return 0;
    }
    if crate::objects::int::to_bigint(&code).is_some() {
        return match crate::objects::int::to_i64(&code) {
            Some(n) if i32::try_from(n).is_ok() => n as i32,
            Some(n) => n as i32,
            None => -1,
        };
    }
    let s = match vm.str_string(&code) {
        Ok(s) => s,
        Err(_) => String::new(),
    };
    // Two writes, as CPython's PyFile_WriteObject + "\n".
    write_stderr(vm, &s);
    write_stderr(vm, "\n");
    1
}

/// Reports an uncaught exception (CPython's `PyErr_PrintEx`): SystemExit gives its
/// status quietly; anything else goes through `sys.excepthook` (status 1).
pub fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    let e = e.0;
    if crate::vm::protocol::is_subtype(e.type_of(), &exc().system_exit) {
        return system_exit_status(vm, &e);
    }
    let tb = crate::vm::interp::exc_traceback(&e);
    let ty = e.type_of().clone();
    let sysd = crate::vm::startup::module_dict(&vm.sys);
    if let Some(d) = sysd.payload::<PyDict>() {
        d.set_str(new_str("last_type"), ty.clone());
        d.set_str(new_str("last_value"), e.clone());
        d.set_str(new_str("last_traceback"), tb.clone());
    }
    let hook = crate::builtins::io::sys_attr(vm, "excepthook");
    let audit_args = vec![hook.clone().unwrap_or_else(none), ty.clone(), e.clone(), tb.clone()];
    if let Err(ae) = vm.audit("sys.excepthook", audit_args) {
        // CPython reports a failing audit hook as unraisable and skips the hook.
        let s = vm.format_exception(&ae.0);
        write_stderr(vm, &format!("Exception ignored in audit hook:\n{s}"));
        return 1;
    }
    match hook {
        Some(h) => {
            if let Err(e2) = vm.call(&h, Args::positional_only(&[ty, e.clone(), tb])) {
                if crate::vm::protocol::is_subtype(e2.0.type_of(), &exc().system_exit) {
                    return system_exit_status(vm, &e2.0);
                }
                write_stderr(vm, "Error in sys.excepthook:\n");
                let s = vm.format_exception(&e2.0);
                write_stderr(vm, &s);
                write_stderr(vm, "\nOriginal exception was:\n");
                let s = vm.format_exception(&e);
                write_stderr(vm, &s);
            }
        }
        None => {
            write_stderr(vm, "sys.excepthook is missing\n");
            let s = vm.format_exception(&e);
            write_stderr(vm, &s);
        }
    }
    1
}

/// Runs the `atexit` callbacks, last registered first; errors are reported as
/// "Exception ignored in atexit callback: ..." and do not stop the others.
pub fn run_atexit(vm: &mut Vm) {
    let n = callbacks().borrow().len();
    for i in (0..n).rev() {
        let cb = match callbacks().borrow().get(i) {
            Some(Some(cb)) => (cb.func.clone(), cb.args.clone(), cb.kwnames.clone()),
            _ => continue,
        };
        let (func, args, kwnames) = cb;
        if let Err(e) = vm.call(&func, Args::new(&args, &kwnames)) {
            let what = vm.repr_string(&func).unwrap_or_else(|_| "<object repr() failed>".into());
            crate::vm::startup::flush_std_streams(vm);
            let s = vm.format_exception(&e.0);
            write_stderr(vm, &format!("Exception ignored in atexit callback: {what}\n{s}"));
        }
    }
    let old = std::mem::take(&mut *callbacks().borrow_mut());
    drop(old);
}

fn atexit_register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::core::is_callable(vm, func) {
        return Err(type_error("the first argument must be callable"));
    }
    let nkw = args.kwnames.len();
    let mut argv: Vec<Value> = pos[1..].to_vec();
    argv.extend(args.values[args.values.len() - nkw..].iter().cloned());
    callbacks().borrow_mut().push(Some(Callback { func: func.clone(), args: argv, kwnames: args.kwnames.to_vec() }));
    Ok(func.clone())
}

fn atexit_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [func] = args.exact::<1>("unregister")?;
    let n = callbacks().borrow().len();
    for i in 0..n {
        let f = match callbacks().borrow().get(i) {
            Some(Some(cb)) => cb.func.clone(),
            _ => continue,
        };
        if vm.eq(&f, func)? {
            let old = callbacks().borrow_mut().get_mut(i).and_then(Option::take);
            drop(old);
        }
    }
    Ok(none())
}

fn atexit_run_exitfuncs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_run_exitfuncs")?;
    run_atexit(vm);
    Ok(none())
}

fn atexit_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_clear")?;
    let old = std::mem::take(&mut *callbacks().borrow_mut());
    drop(old);
    Ok(none())
}

fn atexit_ncallbacks(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_ncallbacks")?;
    // Unregistered slots count until the next run, as in CPython.
    let n = callbacks().borrow().len();
    Ok(crate::objects::int::new_int(n as i64))
}

/// `import atexit`.
pub fn init_atexit_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = crate::vm::startup::new_module("atexit");
    let d = crate::vm::startup::module_dict(&m);
    for (name, f) in [
        ("register", atexit_register as crate::vm::NativeFn),
        ("unregister", atexit_unregister),
        ("_run_exitfuncs", atexit_run_exitfuncs),
        ("_clear", atexit_clear),
        ("_ncallbacks", atexit_ncallbacks),
    ] {
        crate::vm::startup::add_function(&d, "atexit", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(
            new_str("__doc__"),
            new_str("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"),
        );
    }
    let _ = new_tuple(vec![]);
    Ok(m)
}
