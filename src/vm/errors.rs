//! `PyErr` (a raised exception object) and constructors for the builtin exception classes.

use crate::objects::exception::PyException;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::{Value, layout};

/// A raised exception: always an instance of a `BaseException` subclass.
pub struct PyErr(pub Value);

pub type PyResult<T = Value> = Result<T, PyErr>;

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tn = self.0.type_of().as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
        write!(f, "PyErr({tn})")
    }
}

/// A new exception instance of class `ty` with the given `args` tuple items.
pub fn new_exception(ty: &Value, args: Vec<Value>) -> Value {
    layout::alloc(ty, PyException::new(new_tuple(args)))
}

impl PyErr {
    /// An exception of class `ty` with a single message argument.
    pub fn new(ty: &Value, msg: impl Into<String>) -> PyErr {
        let m: String = msg.into();
        PyErr(new_exception(ty, vec![new_str(m)]))
    }
    /// An exception of class `ty` with no arguments.
    pub fn bare(ty: &Value) -> PyErr {
        PyErr(new_exception(ty, vec![]))
    }
    /// The exception's class.
    pub fn ty(&self) -> &Value {
        self.0.type_of()
    }
    /// Is this exception an instance of `cls` (or a subclass)?
    pub fn matches(&self, cls: &Value) -> bool {
        crate::vm::protocol::is_subtype(self.ty(), cls)
    }
}

macro_rules! err_ctors {
    ($($fn:ident => $field:ident,)*) => {
        $(
            #[doc = concat!("A new `", stringify!($field), "` with a message.")]
            pub fn $fn(msg: impl Into<String>) -> PyErr {
                PyErr::new(&exc().$field, msg)
            }
        )*
    };
}

err_ctors! {
    type_error => type_error,
    value_error => value_error,
    attribute_error => attribute_error,
    name_error => name_error,
    key_error_msg => key_error,
    index_error => index_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    system_error => system_error,
    not_implemented_error => not_implemented_error,
    unbound_local_error => unbound_local_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    os_error => os_error,
    assertion_error => assertion_error,
    eof_error => eof_error,
    memory_error => memory_error,
    unicode_error => unicode_error,
    lookup_error => lookup_error,
    syntax_error => syntax_error,
}

/// `KeyError(key)`: the key itself is the argument, as CPython does.
pub fn key_error(key: Value) -> PyErr {
    PyErr(new_exception(&exc().key_error, vec![key]))
}

/// `StopIteration(value)`.
pub fn stop_iteration(value: Option<Value>) -> PyErr {
    PyErr(new_exception(&exc().stop_iteration, value.into_iter().collect()))
}
