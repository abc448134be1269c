//! Objects of native modules whose state is Rust data (hash objects, `array.array`,
//! zlib streams, `_csv` readers, context variables): one payload kind holding a boxed
//! `NativeData`, downcast to the module's own type.

use std::any::Any;

use crate::objects::Trace;
use crate::values::{Value, layout};
use crate::vm::PyResult;
use crate::vm::errors::type_error;

/// The state of a native object. `trace` lists the `Value`s it holds, so cycles through
/// it are found by the collector.
pub trait NativeData: Any {
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// The `__dict__` slot of types whose instances have one (`functools.partial`);
    /// `trace` must visit what it holds.
    fn dict_slot(&self) -> Option<&std::cell::RefCell<Option<Value>>> {
        None
    }
}

pub struct PyNative(Box<dyn NativeData>);

impl Trace for PyNative {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.0.trace(visit)
    }
}

/// A new object of class `cls` holding `data`.
pub fn new_native<T: NativeData>(cls: &Value, data: T) -> Value {
    layout::alloc(cls, PyNative(Box::new(data)))
}

/// The `T` inside `v` (or inside the native base of a subclass instance).
pub fn native_ref<T: NativeData>(v: &Value) -> Option<&T> {
    let n = v.downcast::<PyNative>()?;
    (&*n.0 as &dyn Any).downcast_ref::<T>()
}

/// The `__dict__` slot of a native object whose type gives its instances one.
pub fn native_dict_slot(v: &Value) -> Option<&std::cell::RefCell<Option<Value>>> {
    v.downcast::<PyNative>()?.0.dict_slot()
}

/// `self` of a native method as a `T`, with CPython's "descriptor requires" message.
pub fn this<'a, T: NativeData>(args: &crate::vm::Args<'a>, meth: &str, tyname: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("descriptor '{meth}' of '{tyname}' object needs an argument")));
    };
    match native_ref::<T>(s) {
        Some(t) => Ok((s, t)),
        None => Err(type_error(format!(
            "descriptor '{meth}' for '{tyname}' objects doesn't apply to a '{}' object",
            crate::vm::protocol::type_name(s)
        ))),
    }
}
