//! Interpreter start-up: type registry, methods of builtin types, the `builtins` and `sys`
//! modules, and helpers to register native functions.

use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::str::new_str;
use crate::objects::{registry, types};
use crate::values::{Value, layout};
use crate::vm::{Config, NativeFn, Vm};

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
}

/// Adds a plain native function to a module dict.
pub fn add_function(dict: &Value, module: &'static str, name: &'static str, f: NativeFn) {
    let b = layout::alloc(
        &types().builtin_function,
        PyBuiltin { name, func: f, kind: BuiltinKind::Function, self_: None, owner: module },
    );
    if let Some(d) = dict.payload::<PyDict>() {
        d.set_str(new_str(name), b);
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

/// The dict of a module object.
pub fn module_dict(m: &Value) -> Value {
    m.payload::<PyModule>().map(|m| m.dict.clone()).expect("module")
}

impl Vm {
    /// A fully initialised VM for the main thread.
    pub fn new(config: Config) -> Vm {
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
        Vm {
            frames: Vec::new(),
            builtins,
            builtins_module,
            modules,
            sys,
            handled: Vec::new(),
            recursion_limit: 1000,
            native_depth: 0,
            null,
            config,
        }
    }
}
