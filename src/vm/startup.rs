//! Interpreter start-up: type registry, methods of builtin types, the `builtins` and `sys`
//! modules, and helpers to register native functions.

use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::str::new_str;
use crate::objects::{registry, types};
use crate::values::{Value, layout};
use crate::vm::{Config, NativeFn, Vm};

pub mod audit;
pub mod paths;
pub mod streams;
pub mod structseq;
pub mod sys;

/// Adds a native method to a builtin type's dict.
pub fn add_method(ty: &Value, name: &'static str, f: NativeFn) {
    add_builtin(ty, name, f, BuiltinKind::Method);
}
pub fn add_classmethod(ty: &Value, name: &'static str, f: NativeFn) {
    add_builtin(ty, name, f, BuiltinKind::ClassMethod);
}
pub fn add_staticmethod(ty: &Value, name: &'static str, f: NativeFn) {
    add_builtin(ty, name, f, BuiltinKind::StaticMethod);
}

fn add_builtin(ty: &Value, name: &'static str, f: NativeFn, kind: BuiltinKind) {
    let tp = ty.as_type().expect("add_method on a type");
    let owner: &'static str = Box::leak(tp.name.borrow().clone().into_boxed_str());
    let b = layout::alloc(&types().method_descriptor, PyBuiltin { name, func: f, kind, self_: None, owner });
    tp.dict.set_str(new_str(name), b);
    // A new version: no cached lookup of this type may miss the method.
    tp.version.set(crate::objects::type_::next_version());
}

/// Adds a plain native function to a module dict.
pub fn add_function(dict: &Value, module: &'static str, name: &'static str, f: NativeFn) {
    let b = layout::alloc(
        &types().builtin_function,
        PyBuiltin { name, func: f, kind: BuiltinKind::Function, self_: None, owner: module },
    );
    if let Some(d) = dict.payload::<PyDict>() {
        d.set_str(crate::objects::str::intern(name), b);
    }
}

/// Makes a module object with a fresh dict holding `__name__`.
pub fn new_module(name: &str) -> Value {
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__name__"), new_str(name));
        dd.set_str(new_str("__doc__"), crate::objects::none());
    }
    layout::alloc(&types().module, PyModule { dict: d })
}

/// A Python-level class `module.name` with `bases` (a native module's exception class:
/// `binascii.Error`, `zlib.error`, `_csv.Error`).
pub fn new_class(vm: &mut Vm, module: &str, name: &str, bases: Vec<Value>) -> crate::vm::PyResult {
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__module__"), new_str(module));
    }
    vm.call_pos(&types().type_.clone(), &[new_str(name), crate::objects::tuple::new_tuple(bases), d])
}

/// The dict of a module object.
pub fn module_dict(m: &Value) -> Value {
    m.payload::<PyModule>().map(|m| m.dict.clone()).expect("module")
}

impl Vm {
    /// A fully initialised VM for the main thread.
    pub fn new(config: Config) -> Vm {
        // The GIL first: nothing touches an object without it.
        let thread = crate::vm::thread::main_thread_handle();
        registry::init();
        crate::objects::init_methods();
        let builtins_module = new_module("builtins");
        let builtins = module_dict(&builtins_module);
        crate::builtins::init(&builtins);
        let sys = new_module("sys");
        let modules = layout::alloc(&types().dict, PyDict::new());
        if let Some(d) = modules.payload::<PyDict>() {
            d.set_str(new_str("builtins"), builtins_module.clone());
            d.set_str(new_str("sys"), sys.clone());
        }
        let null = layout::alloc(
            &types().object,
            crate::objects::instance::Instance { dict: std::cell::RefCell::new(None), slots: Box::new([]), base: None },
        );
        layout::make_immortal(&null);
        let mut vm = Vm {
            frames: Vec::new(),
            builtins,
            builtins_module,
            modules,
            sys,
            handled: Vec::new(),
            recursion_limit: 1000,
            c_depth: 0,
            native_depth: 0,
            null,
            reraising: false,
            frame_pool: Vec::new(),
            jit_stack_floor: 0,
            call_args: Vec::new(),
            config,
            thread,
            trace: Default::default(),
            context: None,
            async_hooks: Default::default(),
        };
        sys::init_sys(&mut vm);
        crate::vm::gc::init();
        crate::objects::file::UNBUFFERED.store(vm.config.unbuffered, std::sync::atomic::Ordering::Relaxed);
        vm
    }
}

/// Adds a read-only attribute computed by `f(self)` to a builtin type (a property whose
/// getter is native).
pub fn add_getter(ty: &Value, name: &'static str, f: NativeFn) {
    let tp = ty.as_type().expect("add_getter on a type");
    let owner: &'static str = Box::leak(tp.name.borrow().clone().into_boxed_str());
    let g = layout::alloc(
        &types().builtin_function,
        PyBuiltin { name, func: f, kind: BuiltinKind::Function, self_: None, owner },
    );
    let p = layout::alloc(&types().property, crate::objects::descr::PyProperty::new(Some(g), None, None, None));
    tp.dict.set_str(new_str(name), p);
    tp.version.set(crate::objects::type_::next_version());
}

/// Installs the SIGINT handler: Ctrl-C marks a signal pending, which the loop turns into
/// KeyboardInterrupt (or the handler `signal.signal` set; `builtins/signal.rs`).
pub fn install_sigint_handler() {
    crate::builtins::signal::install_sigint_handler();
}

/// Is a signal (Ctrl-C or any with a Python handler) waiting to be handled?
#[inline(always)]
pub fn sigint_pending() -> bool {
    crate::builtins::signal::pending()
}

/// The address of the pending-signal flag (one byte, nonzero when set), which compiled
/// loops poll at their back edges.
pub fn sigint_flag_addr() -> Option<*const u8> {
    Some(crate::builtins::signal::tripped_addr())
}

/// Consumes a pending Ctrl-C.
pub fn take_sigint() -> bool {
    crate::builtins::signal::take_sigint()
}

/// Flushes `sys.stdout` and `sys.stderr` (our file objects or anything with `flush`).
pub fn flush_std_streams(vm: &mut Vm) {
    for name in ["stdout", "stderr"] {
        let Some(f) = crate::builtins::io::sys_attr(vm, name) else { continue };
        match f.downcast::<crate::objects::file::PyFile>() {
            Some(pf) => {
                let _ = pf.flush();
            }
            None => {
                if let Ok(Some(m)) = vm.getattr_opt(&f, "flush") {
                    let _ = vm.call(&m, crate::vm::Args::positional_only(&[]));
                }
            }
        }
    }
    // The original streams too, in case sys.stdout was replaced.
    for name in ["__stdout__", "__stderr__"] {
        if let Some(f) = crate::builtins::io::sys_attr(vm, name) {
            if let Some(pf) = f.downcast::<crate::objects::file::PyFile>() {
                let _ = pf.flush();
            }
        }
    }
    let _ = crate::objects::file::flush_stdout();
}

/// `sys.displayhook`: prints `repr(v)` and stores it in `builtins._` (None is skipped).
pub fn default_displayhook(vm: &mut Vm, v: Value) -> crate::vm::PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    if let Some(d) = vm.builtins.payload::<PyDict>() {
        d.set_str(new_str("_"), crate::objects::none());
    }
    let r = vm.repr_string(&v)?;
    let out = crate::builtins::io::sys_attr(vm, "stdout");
    if let Some(o) = out {
        crate::builtins::io::write_to(vm, &o, &format!("{r}\n"))?;
    }
    if let Some(d) = vm.builtins.payload::<PyDict>() {
        d.set_str(new_str("_"), v);
    }
    Ok(())
}

/// Ends the process the way an unhandled SIGINT does (after KeyboardInterrupt's
/// traceback), so the parent sees "killed by SIGINT" as with CPython.
pub fn die_by_sigint() {
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
}

/// Adds an attribute with a native getter and optional setter (`f(self, value)`; value
/// absent for `del`) to a builtin type.
pub fn add_property(ty: &Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    let tp = ty.as_type().expect("add_property on a type");
    let owner: &'static str = Box::leak(tp.name.borrow().clone().into_boxed_str());
    let mk = |f: NativeFn| {
        layout::alloc(
            &types().builtin_function,
            PyBuiltin { name, func: f, kind: BuiltinKind::Function, self_: None, owner },
        )
    };
    let p = layout::alloc(
        &types().property,
        crate::objects::descr::PyProperty::new(Some(mk(get)), set.map(mk), None, None),
    );
    tp.dict.set_str(new_str(name), p);
    tp.version.set(crate::objects::type_::next_version());
}
