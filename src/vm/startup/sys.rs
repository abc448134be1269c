//! The `sys` module: argv, path, modules, the standard streams, exit, exc_info, recursion
//! limit, `_getframe` and version facts.

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, new_file};
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::Value;
use crate::vm::errors::{PyErr, new_exception, value_error};
use crate::vm::startup::{add_function, module_dict};
use crate::vm::{Args, PyResult, Vm};

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

/// Fills the `sys` module from the VM's configuration.
pub fn init_sys(vm: &mut Vm) {
    let d = module_dict(&vm.sys);
    let cfg = vm.config.clone();
    set(&d, "argv", new_list(cfg.argv.iter().map(|a| new_str(a.as_str())).collect()));
    set(&d, "orig_argv", new_list(cfg.orig_argv.iter().map(|a| new_str(a.as_str())).collect()));
    set(&d, "path", new_list(vec![]));
    set(&d, "modules", vm.modules.clone());
    let stdin = new_file(FileBackend::Stdin, "<stdin>", "r", false);
    let stdout = new_file(FileBackend::Stdout, "<stdout>", "w", false);
    let stderr = new_file(FileBackend::Stderr, "<stderr>", "w", false);
    set(&d, "stdin", stdin.clone());
    set(&d, "stdout", stdout.clone());
    set(&d, "stderr", stderr.clone());
    set(&d, "__stdin__", stdin);
    set(&d, "__stdout__", stdout);
    set(&d, "__stderr__", stderr);
    set(&d, "version", new_str("3.11.7 (pylift 0.1.0)"));
    set(&d, "version_info", new_tuple(vec![new_int(3), new_int(11), new_int(7), new_str("final"), new_int(0)]));
    set(&d, "hexversion", new_int(0x030b07f0));
    set(&d, "platform", new_str(std::env::consts::OS));
    set(&d, "byteorder", new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set(&d, "maxsize", new_int(i64::MAX));
    set(&d, "maxunicode", new_int(0x10ffff));
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    set(&d, "executable", new_str(exe));
    set(&d, "builtin_module_names", new_tuple(vec![new_str("builtins"), new_str("sys")]));
    set(&d, "dont_write_bytecode", crate::objects::true_());
    for (name, f) in [
        ("exit", sys_exit as crate::vm::NativeFn),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("_getframe", sys_getframe),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("intern", sys_intern),
        ("displayhook", sys_displayhook),
        ("get_int_max_str_digits", crate::builtins::numeric::sys_get_int_max_str_digits),
        ("set_int_max_str_digits", crate::builtins::numeric::sys_set_int_max_str_digits),
    ] {
        add_function(&d, "sys", name, f);
    }
    let _ = crate::builtins::numeric::add_sys_info(vm, &d);
    if let Some(h) = d.payload::<PyDict>().and_then(|dd| dd.get_str("displayhook")) {
        set(&d, "__displayhook__", h);
    }
}

fn sys_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("exit", 0, 1)?;
    let argv: Vec<Value> = a.iter().filter(|v| !v.is_none()).cloned().collect();
    Err(PyErr(new_exception(&exc().system_exit, argv)))
}

fn sys_exc_info(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(match vm.current_handled() {
        Some(e) => {
            let tb = e
                .downcast::<crate::objects::exception::PyException>()
                .and_then(|p| p.traceback.borrow().clone())
                .unwrap_or_else(none);
            new_tuple(vec![e.type_of().clone(), e.clone(), tb])
        }
        None => new_tuple(vec![none(), none(), none()]),
    })
}

fn sys_exception(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.current_handled().unwrap_or_else(none))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>("setrecursionlimit")?;
    let Some(n) = crate::objects::int::to_i64(n) else {
        return Err(crate::vm::errors::type_error("an integer is required"));
    };
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(none())
}

fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("_getframe", 0, 1)?;
    let depth = a.first().and_then(crate::objects::int::to_i64).unwrap_or(0).max(0) as usize;
    let n = vm.frames.len();
    if depth >= n {
        return Err(value_error("call stack is not deep enough"));
    }
    let idx = n - 1 - depth;
    let fo = crate::vm::interp::frame_object_at(vm, idx);
    Ok(fo)
}

fn sys_getdefaultencoding(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str("utf-8"))
}

fn sys_intern(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("intern")?;
    Ok(s.clone())
}

fn sys_displayhook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("displayhook")?;
    crate::vm::startup::default_displayhook(vm, v.clone())?;
    Ok(none())
}

#[allow(dead_code)]
fn _t() -> Value {
    types().object.clone()
}
