//! Functions implemented in Rust: builtins, and methods of builtin types (unbound in the
//! type's dict, bound to `self` when looked up through an instance).

use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::startup::add_method;
use crate::vm::{Args, NativeFn, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKind {
    /// A plain function (`len`, `print`): never binds.
    Function,
    /// A method in a type's dict: binds the instance as first argument.
    Method,
    /// A classmethod in a type's dict (`dict.fromkeys`): binds the class.
    ClassMethod,
    /// A staticmethod in a type's dict (`__new__`, `str.maketrans`): never binds.
    StaticMethod,
}

pub struct PyBuiltin {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The bound first argument (instance or class), once bound.
    pub self_: Option<Value>,
    /// Owning type name or module name, for `__qualname__` and error messages.
    pub owner: &'static str,
}
impl Trace for PyBuiltin {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
    }
}

fn payload(v: &Value) -> PyResult<&PyBuiltin> {
    v.payload::<PyBuiltin>().ok_or_else(|| type_error(format!("expected a builtin function, got '{}'", type_name(v))))
}

fn builtin_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let b = payload(s)?;
    let r = match (&b.self_, b.kind) {
        (None, BuiltinKind::Function) => format!("<built-in function {}>", b.name),
        (None, BuiltinKind::StaticMethod) => format!("<built-in method {} of type object>", b.name),
        (None, _) if crate::objects::type_::is_dunder(b.name) => {
            format!("<slot wrapper '{}' of '{}' objects>", b.name, b.owner)
        }
        (None, _) => format!("<method '{}' of '{}' objects>", b.name, b.owner),
        (Some(o), BuiltinKind::Method) if crate::objects::type_::is_dunder(b.name) => {
            format!("<method-wrapper '{}' of {} object at {:#x}>", b.name, type_name(o), o.bits())
        }
        (Some(o), _) => format!("<built-in method {} of {} object at {:#x}>", b.name, type_name(o), o.bits()),
    };
    Ok(new_str(r))
}

fn g_name(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(new_str(payload(s)?.name))
}
fn g_qualname(_vm: &mut Vm, s: &Value) -> PyResult {
    let b = payload(s)?;
    Ok(new_str(match b.kind {
        BuiltinKind::Function => b.name.to_owned(),
        _ => format!("{}.{}", b.owner, b.name),
    }))
}
fn g_self(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(payload(s)?.self_.clone().unwrap_or_else(none))
}
fn g_module(_vm: &mut Vm, s: &Value) -> PyResult {
    let b = payload(s)?;
    Ok(match b.kind {
        BuiltinKind::Function => new_str(b.owner),
        _ => none(),
    })
}
fn g_none(_vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(none())
}
fn g_objclass(_vm: &mut Vm, s: &Value) -> PyResult {
    let _ = payload(s)?;
    Ok(none())
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    use crate::objects::descr::add_getset;
    for t in [&types().builtin_function, &types().method_descriptor] {
        add_method(t, "__repr__", builtin_repr);
        add_method(t, "__call__", crate::objects::function::call_self);
        add_getset(t, "__name__", g_name, None);
        add_getset(t, "__qualname__", g_qualname, None);
        add_getset(t, "__self__", g_self, None);
        add_getset(t, "__module__", g_module, None);
        add_getset(t, "__doc__", g_none, None);
        add_getset(t, "__text_signature__", g_none, None);
    }
    add_getset(&types().method_descriptor, "__objclass__", g_objclass, None);
}
