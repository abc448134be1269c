//! Functions implemented in Rust: builtins, and methods of builtin types (unbound in the
//! type's dict, bound to `self` when looked up through an instance).

use crate::objects::Trace;
use crate::values::Value;
use crate::vm::NativeFn;

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

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
