//! Exception instances (`BaseException` and every subclass, builtin or user-defined) and
//! the methods of `BaseException`: `args`, `__str__`, `__repr__`, `with_traceback`,
//! chaining attributes and `add_note`.

use std::cell::{Cell, RefCell};

use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{Trace, none, py_bool, registry::exc, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

mod group;
mod kinds;

pub use group::{add_group_builtins, is_group};

pub use kinds::new_os_error;

pub struct PyException {
    /// `args` (a tuple).
    pub args: RefCell<Value>,
    pub traceback: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// The instance `__dict__` (exceptions accept arbitrary attributes).
    pub dict: RefCell<Option<Value>>,
    /// Native attributes of specific classes (`errno`, `name`, `value`, `code`, ...),
    /// kept out of `__dict__` as CPython keeps them in struct fields.
    pub attrs: RefCell<Vec<(&'static str, Value)>>,
}
impl Trace for PyException {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args.borrow());
        for f in [&self.traceback, &self.cause, &self.context, &self.dict] {
            if let Some(v) = &*f.borrow() {
                visit(v);
            }
        }
        for (_, v) in self.attrs.borrow().iter() {
            visit(v);
        }
    }
}

impl PyException {
    /// A payload with the given `args` tuple and nothing else set.
    pub fn new(args: Value) -> PyException {
        PyException {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            attrs: RefCell::new(Vec::new()),
        }
    }
}

/// Sets a native attribute (see `PyException::attrs`); no-op for non-exceptions.
pub fn set_attr(exc: &Value, name: &'static str, v: Value) {
    if let Some(e) = exc.payload::<PyException>() {
        let mut a = e.attrs.borrow_mut();
        match a.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => a.push((name, v)),
        }
    }
}

/// Reads a native attribute set by `set_attr`.
pub fn get_attr(exc: &Value, name: &str) -> Option<Value> {
    let e = exc.payload::<PyException>()?;
    e.attrs.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
}

/// `exc.__cause__ = cause` (also sets `__suppress_context__`, as `raise ... from` does).
pub fn set_cause(exc: &Value, cause: Option<Value>) {
    if let Some(e) = exc.payload::<PyException>() {
        *e.cause.borrow_mut() = cause;
        e.suppress_context.set(true);
    }
}

/// `str(exc)` as CPython prints it after the type name (never fails).
pub fn exc_str(vm: &mut crate::vm::Vm, exc: &Value) -> String {
    match vm.str(exc) {
        Ok(s) => s.as_str().unwrap_or("").to_owned(),
        Err(_) => "<exception str() failed>".to_owned(),
    }
}

fn payload(v: &Value) -> PyResult<&PyException> {
    v.payload::<PyException>().ok_or_else(|| {
        type_error(format!("descriptor requires a 'BaseException' object but received '{}'", type_name(v)))
    })
}

/// The `args` tuple's items.
pub fn exc_args(v: &Value) -> Vec<Value> {
    v.payload::<PyException>().and_then(|e| e.args.borrow().as_tuple().map(|t| t.to_vec())).unwrap_or_default()
}

fn base_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(cls) = p.first() else { return Err(type_error("BaseException.__new__(): not enough arguments")) };
    let Some(t) = cls.as_type() else {
        return Err(type_error(format!("BaseException.__new__(X): X is not a type object ({})", type_name(cls))));
    };
    if !is_subtype(cls, &types().base_exception) {
        let n = t.name.borrow();
        return Err(type_error(format!("BaseException.__new__({n}): {n} is not a subtype of BaseException")));
    }
    if t.instance_kind != Kind::Exception {
        let n = t.name.borrow();
        return Err(type_error(format!("BaseException.__new__({n}) is not safe, use {n}.__new__()")));
    }
    let e = layout::alloc(cls, PyException::new(new_tuple(p[1..].to_vec())));
    Ok(e)
}

fn base_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(s) = p.first() else { return Err(type_error("BaseException.__init__ needs self")) };
    if args.has_kwargs() {
        return Err(type_error(format!("{}() takes no keyword arguments", type_name(s))));
    }
    *payload(s)?.args.borrow_mut() = new_tuple(p[1..].to_vec());
    Ok(none())
}

/// `BaseException.__str__`: '' / str(arg) / str(args).
pub fn base_str_of(vm: &mut Vm, s: &Value) -> PyResult {
    let a = payload(s)?.args.borrow().clone();
    match a.as_tuple().map(|t| t.len()) {
        Some(0) => Ok(new_str("")),
        Some(1) => {
            let x = a.as_tuple().and_then(|t| t.first().cloned()).unwrap_or_else(none);
            vm.str(&x)
        }
        _ => vm.str(&a),
    }
}

fn base_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    base_str_of(vm, s)
}

fn base_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let name = s.type_of().as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let a = payload(s)?.args.borrow().clone();
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if items.len() == 1 {
        let r = vm.repr_string(&items[0])?;
        return Ok(new_str(format!("{name}({r})")));
    }
    let r = vm.repr_string(&a)?;
    Ok(new_str(format!("{name}{r}")))
}

fn with_traceback(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, tb] = args.exact::<2>("with_traceback")?;
    set_traceback(s, tb)?;
    Ok(s.clone())
}

fn set_traceback(s: &Value, tb: &Value) -> PyResult<()> {
    let e = payload(s)?;
    if tb.is_none() {
        *e.traceback.borrow_mut() = None;
    } else if tb.kind() == Kind::Traceback {
        *e.traceback.borrow_mut() = Some(tb.clone());
    } else {
        return Err(type_error("__traceback__ must be a traceback or None"));
    }
    Ok(())
}

fn add_note(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, note] = args.exact::<2>("add_note")?;
    if note.as_str().is_none() {
        return Err(type_error(format!("note must be a str, not '{}'", type_name(note))));
    }
    let notes = match vm.getattr_opt(s, "__notes__")? {
        Some(n) => n,
        None => {
            let l = new_list(vec![]);
            vm.setattr(s, &new_str("__notes__"), l.clone())?;
            l
        }
    };
    match notes.downcast::<crate::objects::list::PyList>() {
        Some(l) => l.0.borrow_mut().push(note.clone()),
        None => return Err(type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(none())
}

fn g_args(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(payload(s)?.args.borrow().clone())
}
fn s_args(vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("args may not be deleted")) };
    let t = new_tuple(vm.to_vec(&v)?);
    *payload(s)?.args.borrow_mut() = t;
    Ok(())
}
fn g_tb(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(payload(s)?.traceback.borrow().clone().unwrap_or_else(none))
}
fn s_tb(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__traceback__ may not be deleted")) };
    set_traceback(s, &v)
}
fn check_exc_or_none(v: &Value, what: &str) -> PyResult<Option<Value>> {
    if v.is_none() {
        return Ok(None);
    }
    if v.kind() == Kind::Exception {
        return Ok(Some(v.clone()));
    }
    Err(type_error(format!("exception {what} must be None or derive from BaseException")))
}
fn g_cause(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(payload(s)?.cause.borrow().clone().unwrap_or_else(none))
}
fn s_cause(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__cause__ may not be deleted")) };
    let c = check_exc_or_none(&v, "cause")?;
    set_cause(s, c);
    Ok(())
}
fn g_context(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(payload(s)?.context.borrow().clone().unwrap_or_else(none))
}
fn s_context(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__context__ may not be deleted")) };
    let c = check_exc_or_none(&v, "context")?;
    *payload(s)?.context.borrow_mut() = c;
    Ok(())
}
fn g_suppress(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(py_bool(payload(s)?.suppress_context.get()))
}
fn s_suppress(vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__suppress_context__ may not be deleted")) };
    let b = vm.truthy(&v)?;
    payload(s)?.suppress_context.set(b);
    Ok(())
}
fn g_dict(_vm: &mut Vm, s: &Value) -> PyResult {
    crate::vm::protocol::instance_dict_create(s).ok_or_else(|| type_error("exception has no __dict__"))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let b = &types().base_exception;
    add_staticmethod(b, "__new__", base_new);
    add_method(b, "__init__", base_init);
    add_method(b, "__str__", base_str);
    add_method(b, "__repr__", base_repr);
    add_method(b, "with_traceback", with_traceback);
    add_method(b, "add_note", add_note);
    use crate::objects::descr::add_getset;
    add_getset(b, "args", g_args, Some(s_args));
    add_getset(b, "__traceback__", g_tb, Some(s_tb));
    add_getset(b, "__cause__", g_cause, Some(s_cause));
    add_getset(b, "__context__", g_context, Some(s_context));
    add_getset(b, "__suppress_context__", g_suppress, Some(s_suppress));
    add_getset(b, "__dict__", g_dict, Some(crate::objects::instance::obj_dict_set));
    if let Some(t) = b.as_type() {
        t.dict.set_str(new_str("__doc__"), new_str("Common base class for all exceptions"));
    }
    kinds::init();
    let _ = (exc(), PyDict::new());
}
