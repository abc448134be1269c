//! The `_contextvars` module under CPython's `contextvars.py`: `ContextVar`, `Token`,
//! `Context`, `copy_context`. A context is a dict from variables to values; each thread
//! has a current one (`Vm::context`), and `Context.run` swaps it in for a call. CPython
//! keeps an immutable HAMT so a copy is O(1); here a copy copies the dict, which keeps the
//! same visible semantics.

use std::cell::Cell;

use crate::objects::dict::PyDict;
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, runtime_error, type_error, value_error};
use crate::vm::startup::{add_classmethod, add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

struct Classes {
    var: Value,
    token: Value,
    context: Value,
    missing: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

struct Var {
    name: Value,
    default: Option<Value>,
}
impl NativeData for Var {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

struct Token {
    ctx: Value,
    var: Value,
    /// None: the variable had no value (`Token.MISSING`).
    old: Option<Value>,
    used: Cell<bool>,
}
impl NativeData for Token {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.ctx);
        visit(&self.var);
        if let Some(o) = &self.old {
            visit(o);
        }
    }
}

struct Context {
    vars: Value,
    entered: Cell<bool>,
}
impl NativeData for Context {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.vars);
    }
}

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let var = new_builtin_class("ContextVar", "_contextvars", Kind::Native, 0);
        add_staticmethod(&var, "__new__", var_new);
        add_method(&var, "get", var_get);
        add_method(&var, "set", var_set);
        add_method(&var, "reset", var_reset);
        add_method(&var, "__repr__", var_repr);
        add_getter(&var, "name", var_name);
        add_classmethod(&var, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        let token = new_builtin_class("Token", "_contextvars", Kind::Native, 0);
        add_staticmethod(&token, "__new__", token_new);
        add_method(&token, "__repr__", token_repr);
        add_getter(&token, "var", token_var);
        add_getter(&token, "old_value", token_old);
        add_classmethod(&token, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        let missing_cls = new_builtin_class("Token.MISSING", "_contextvars", Kind::Native, 0);
        add_method(&missing_cls, "__repr__", missing_repr);
        let missing = new_native(&missing_cls, Missing);
        layout::make_immortal(&missing);
        if let Some(t) = token.as_type() {
            t.dict.set_str(new_str("MISSING"), missing.clone());
            t.modified();
        }
        let context = new_builtin_class("Context", "_contextvars", Kind::Native, 0);
        add_staticmethod(&context, "__new__", ctx_new);
        for (n, f) in [
            ("run", ctx_run as crate::vm::NativeFn),
            ("copy", ctx_copy),
            ("get", ctx_get),
            ("keys", ctx_keys),
            ("values", ctx_values),
            ("items", ctx_items),
            ("__getitem__", ctx_getitem),
            ("__contains__", ctx_contains),
            ("__len__", ctx_len),
            ("__iter__", ctx_iter),
        ] {
            add_method(&context, n, f);
        }
        Classes { var, token, context, missing }
    })
}

struct Missing;
impl NativeData for Missing {}

fn missing_repr(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str("<Token.MISSING>"))
}

fn new_context(vars: PyDict) -> Value {
    let vars = layout::alloc(&types().dict, vars);
    new_native(&classes().context, Context { vars, entered: Cell::new(false) })
}

/// This thread's current context (an empty one on first use).
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = &vm.context {
        return c.clone();
    }
    let c = new_context(PyDict::new());
    vm.context = Some(c.clone());
    c
}

fn vars_of(ctx: &Value) -> PyResult<&PyDict> {
    native_ref::<Context>(ctx)
        .and_then(|c| c.vars.payload::<PyDict>())
        .ok_or_else(|| type_error("a Context was expected"))
}

// ---- ContextVar ----

fn var_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("ContextVar", &["cls", "name", "default"], 2)?;
    let name = b[1].clone().unwrap_or_else(none);
    if name.as_str().is_none() {
        return Err(type_error("context variable name must be a str"));
    }
    if args.pos().len() > 2 {
        return Err(type_error(format!(
            "ContextVar() takes exactly 1 positional argument ({} given)",
            args.pos().len() - 1
        )));
    }
    Ok(new_native(&classes().var, Var { name, default: b[2].clone() }))
}

fn var_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, v) = this::<Var>(&args, "name", "ContextVar")?;
    Ok(v.name.clone())
}

fn var_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, v) = this::<Var>(&args, "get", "_contextvars.ContextVar")?;
    args.no_kwargs("get")?;
    if args.pos().len() > 2 {
        return Err(type_error(format!("get expected at most 1 argument, got {}", args.pos().len() - 1)));
    }
    let ctx = current(vm);
    if let Some(x) = vars_of(&ctx)?.get(vm, s)? {
        return Ok(x);
    }
    if let Some(d) = args.pos().get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &v.default {
        return Ok(d.clone());
    }
    Err(PyErr(crate::vm::errors::new_exception(&exc().lookup_error, vec![s.clone()])))
}

fn var_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Var>(&args, "set", "_contextvars.ContextVar")?;
    let [_, value] = args.exact::<2>("set")?;
    let ctx = current(vm);
    let vars = vars_of(&ctx)?;
    let old = vars.get(vm, s)?;
    vars.set(vm, s.clone(), value.clone())?;
    Ok(new_native(&classes().token, Token { ctx, var: s.clone(), old, used: Cell::new(false) }))
}

fn var_reset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Var>(&args, "reset", "_contextvars.ContextVar")?;
    let [_, tok] = args.exact::<2>("reset")?;
    let Some(t) = native_ref::<Token>(tok) else {
        return Err(type_error(format!("expected an instance of Token, got {}", vm.repr_string(tok)?)));
    };
    let r = vm.repr_string(tok)?;
    if t.used.get() {
        return Err(runtime_error(format!("{r} has already been used once")));
    }
    if !t.var.is(s) {
        return Err(value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm);
    if !t.ctx.is(&ctx) {
        return Err(value_error(format!("{r} was created in a different Context")));
    }
    t.used.set(true);
    let vars = vars_of(&ctx)?;
    match &t.old {
        Some(o) => vars.set(vm, s.clone(), o.clone())?,
        None => {
            vars.remove(vm, s)?;
        }
    }
    Ok(none())
}

fn var_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, v) = this::<Var>(&args, "__repr__", "_contextvars.ContextVar")?;
    let mut out = format!("<ContextVar name={}", vm.repr_string(&v.name)?);
    if let Some(d) = &v.default {
        out.push_str(&format!(" default={}", vm.repr_string(d)?));
    }
    out.push_str(&format!(" at {:#x}>", s.bits()));
    Ok(new_str(out))
}

// ---- Token ----

fn token_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(runtime_error("Tokens can only be created by ContextVars"))
}

fn token_var(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = this::<Token>(&args, "var", "Token")?;
    Ok(t.var.clone())
}

fn token_old(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, t) = this::<Token>(&args, "old_value", "Token")?;
    Ok(t.old.clone().unwrap_or_else(|| classes().missing.clone()))
}

fn token_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, t) = this::<Token>(&args, "__repr__", "_contextvars.Token")?;
    let used = if t.used.get() { " used" } else { "" };
    let var = vm.repr_string(&t.var)?;
    Ok(new_str(format!("<Token{used} var={var} at {:#x}>", s.bits())))
}

// ---- Context ----

fn ctx_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(PyDict::new()))
}

fn ctx_run(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, c) = this::<Context>(&args, "run", "_contextvars.Context")?;
    if args.pos().len() < 2 {
        return Err(type_error("run() missing 1 required positional argument"));
    }
    if c.entered.get() {
        return Err(runtime_error(format!(
            "cannot enter context: <Context object at {:#x}> is already entered",
            s.bits()
        )));
    }
    let f = args.pos()[1].clone();
    c.entered.set(true);
    let prev = vm.context.replace(s.clone());
    let r = vm.call(&f, Args::new(&args.values[2..], args.kwnames));
    vm.context = prev;
    c.entered.set(false);
    r
}

fn copy_of(vm: &mut Vm, ctx: &Value) -> PyResult {
    let items = vars_of(ctx)?.items();
    let copy = PyDict::new();
    for (k, v) in items {
        copy.set(vm, k, v)?;
    }
    Ok(new_context(copy))
}

fn ctx_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "copy", "_contextvars.Context")?;
    args.exact::<1>("copy")?;
    copy_of(vm, s)
}

/// The variable argument of a Context mapping method.
fn var_key<'a>(vm: &mut Vm, args: &Args<'a>, meth: &str) -> PyResult<&'a Value> {
    let k = args.pos().get(1).ok_or_else(|| type_error(format!("{meth} expected at least 1 argument, got 0")))?;
    if native_ref::<Var>(k).is_none() {
        return Err(type_error(format!("a ContextVar key was expected, got {}", vm.repr_string(k)?)));
    }
    Ok(k)
}

fn ctx_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "__getitem__", "_contextvars.Context")?;
    let k = var_key(vm, &args, "__getitem__")?;
    match vars_of(s)?.get(vm, k)? {
        Some(v) => Ok(v),
        None => Err(crate::vm::errors::key_error(k.clone())),
    }
}

fn ctx_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "get", "_contextvars.Context")?;
    let k = var_key(vm, &args, "get")?;
    let default = args.pos().get(2).cloned().unwrap_or_else(none);
    Ok(vars_of(s)?.get(vm, k)?.unwrap_or(default))
}

fn ctx_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "__contains__", "_contextvars.Context")?;
    let k = var_key(vm, &args, "__contains__")?;
    Ok(py_bool(vars_of(s)?.contains(vm, k)?))
}

fn ctx_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "__len__", "_contextvars.Context")?;
    Ok(crate::objects::int::new_int(vars_of(s)?.len() as i64))
}

fn ctx_keys(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "keys", "_contextvars.Context")?;
    Ok(crate::objects::list::new_list(vars_of(s)?.keys()))
}

fn ctx_values(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "values", "_contextvars.Context")?;
    Ok(crate::objects::list::new_list(vars_of(s)?.values()))
}

fn ctx_items(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Context>(&args, "items", "_contextvars.Context")?;
    let items = vars_of(s)?.items().into_iter().map(|(k, v)| crate::objects::tuple::new_tuple(vec![k, v])).collect();
    Ok(crate::objects::list::new_list(items))
}

fn ctx_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let keys = ctx_keys(vm, args)?;
    vm.iter(&keys)
}

fn cv_copy_context(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("copy_context")?;
    let c = current(vm);
    copy_of(vm, &c)
}

pub fn register() {
    crate::vm::interp::register_native("_contextvars", init_contextvars);
}

fn init_contextvars(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_contextvars");
    let d = module_dict(&m);
    crate::vm::startup::add_function(&d, "_contextvars", "copy_context", cv_copy_context);
    let c = classes();
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("ContextVar"), c.var.clone());
    dd.set_str(new_str("Token"), c.token.clone());
    dd.set_str(new_str("Context"), c.context.clone());
    Ok(m)
}
