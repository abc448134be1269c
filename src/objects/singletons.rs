//! `None`, `NotImplemented`, `Ellipsis`, `True` and `False`: immortal singletons.

use crate::objects::str::new_str;
use crate::objects::{Trace, types};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyNone;
pub struct PyNotImplemented;
pub struct PyEllipsis;
impl Trace for PyNone {}
impl Trace for PyNotImplemented {}
impl Trace for PyEllipsis {}

#[inline(always)]
pub fn none() -> Value {
    super::registry::singletons().none.clone()
}
#[inline(always)]
pub fn true_() -> Value {
    super::registry::singletons().true_.clone()
}
#[inline(always)]
pub fn false_() -> Value {
    super::registry::singletons().false_.clone()
}
#[inline(always)]
pub fn py_bool(b: bool) -> Value {
    if b { true_() } else { false_() }
}
pub fn not_implemented() -> Value {
    super::registry::singletons().not_implemented.clone()
}
pub fn ellipsis() -> Value {
    super::registry::singletons().ellipsis.clone()
}

impl Value {
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.is(&super::registry::singletons().none)
    }
    #[inline(always)]
    pub fn is_true_singleton(&self) -> bool {
        self.is(&super::registry::singletons().true_)
    }
    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.is(&super::registry::singletons().not_implemented)
    }
}

macro_rules! singleton_methods {
    ($($new:ident, $repr:ident, $bool:ident => $tn:literal, $text:literal, $truth:expr, $get:expr;)*) => {
        $(
            fn $new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                if args.values.len() > 1 {
                    return Err(type_error(concat!($tn, " takes no arguments")));
                }
                Ok($get())
            }
            fn $repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                args.exact::<1>("__repr__")?;
                Ok(new_str($text))
            }
            fn $bool(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                args.exact::<1>("__bool__")?;
                Ok(py_bool($truth))
            }
        )*
    };
}

singleton_methods! {
    none_new, none_repr, none_bool => "NoneType", "None", false, none;
    ni_new, ni_repr, ni_bool => "NotImplementedType", "NotImplemented", true, not_implemented;
    ell_new, ell_repr, ell_bool => "ellipsis", "Ellipsis", true, ellipsis;
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    for (ty, new, repr, b) in [
        (
            &t.none_type,
            none_new as crate::vm::NativeFn,
            none_repr as crate::vm::NativeFn,
            none_bool as crate::vm::NativeFn,
        ),
        (&t.not_implemented_type, ni_new, ni_repr, ni_bool),
        (&t.ellipsis_type, ell_new, ell_repr, ell_bool),
    ] {
        add_staticmethod(ty, "__new__", new);
        add_method(ty, "__repr__", repr);
        add_method(ty, "__bool__", b);
    }
}
