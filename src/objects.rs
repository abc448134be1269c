//! Object types: one file per Python type, the builtin type registry and the singletons.

pub mod builtin_func;
pub mod bytes;
pub mod cell;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod docs;
pub mod exception;
pub mod file;
pub mod float;
pub mod format_spec;
pub mod frame;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod lock;
pub mod module;
pub mod native;
pub mod range;
pub mod registry;
pub mod seq_layout;
pub mod sequtil;
pub mod set;
pub mod singletons;
pub mod sizeof;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod type_;
pub mod weakref;
pub mod weakref_proxy;

pub use registry::{Types, types};
pub use singletons::{ellipsis, false_, none, not_implemented, py_bool, true_};

use crate::values::Value;

/// What the cycle collector sees of a payload: every `Value` it holds.
pub trait Trace {
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Registers the native methods of every builtin type (called once at start-up).
pub fn init_methods() {
    bytes::init();
    complex::init();
    descr::init();
    dict::init();
    docs::init();
    exception::init();
    file::init();
    float::init();
    frame::init();
    function::init();
    generator::init();
    instance::init();
    int::init();
    iter::init();
    list::init();
    module::init();
    range::init();
    set::init();
    slice::init();
    str::init();
    tuple::init();
    type_::init();
    cell::init();
    builtin_func::init();
    singletons::init();
    let _ = HAS_FINALIZER_INIT.get_or_init(|| {
        let _ = crate::values::layout::HAS_FINALIZER.set(|v| match v.payload::<generator::PyGenerator>() {
            // A generator needs closing only if it is suspended inside its body.
            // A never-started coroutine warns that it was never awaited.
            Some(g) => {
                g.state.get() == generator::GenState::Suspended
                    || (g.flavor == generator::Flavor::Coroutine && g.state.get() == generator::GenState::Created)
            }
            None => v.type_of().as_type().is_some_and(|t| t.has_flag(type_::TF_HAS_DEL)),
        });
    });
}

static HAS_FINALIZER_INIT: std::sync::OnceLock<()> = std::sync::OnceLock::new();

/// (name, class) for every builtin exception class.
pub fn exc_types_all() -> Vec<(&'static str, &'static Value)> {
    registry::exc().all()
}
