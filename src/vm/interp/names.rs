//! Name resolution helpers of the loop: `LoadGlobal`'s inline cache, code-object name
//! lookup, and the NameError/UnboundLocalError of unbound names.

use crate::bytecode::code::Code;
use crate::bytecode::feedback::{FeedbackWord, GlobalEntry};
use crate::objects::dict::PyDict;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, PyResult, name_error, system_error};

/// `LoadGlobal` through its cache (`GlobalEntry` in its feedback word): the entry is
/// re-checked by key identity; a builtins hit also needs the globals version unchanged.
#[inline(always)]
pub(crate) fn load_global_cached(fb: &FeedbackWord, name: &Value, globals: &Value, builtins: &Value) -> Option<Value> {
    let g = globals.payload::<PyDict>()?;
    // Decoded right where it is matched, so the two switches fold into one.
    match fb.global()? {
        GlobalEntry::Global { index } => g.value_at_if_key(index, name),
        GlobalEntry::Builtin { index, globals_version } if g.version() == globals_version => {
            builtins.payload::<PyDict>()?.value_at_if_key(index, name)
        }
        GlobalEntry::Builtin { .. } => None,
    }
}

/// The full lookup (globals, then builtins), refilling the inline cache.
#[cold]
pub(crate) fn load_global_slow(fb: &FeedbackWord, name: &Value, globals: &Value, builtins: &Value) -> Option<Value> {
    let g = globals.payload::<PyDict>();
    let (v, cache) = match g.and_then(|d| d.get_str_value_ix(name)) {
        Some((index, v)) => (v, Some(GlobalEntry::Global { index })),
        None => {
            let (index, v) = builtins.payload::<PyDict>()?.get_str_value_ix(name)?;
            (v, g.map(|g| GlobalEntry::Builtin { index, globals_version: g.version() }))
        }
    };
    fb.set_global(cache);
    Some(v)
}

pub(super) fn name_at(code: &Code, i: u32) -> PyResult<&Value> {
    code.names.get(i as usize).ok_or_else(|| system_error("name index out of range"))
}

/// `NameError: name 'x' is not defined`, with `.name` set (for "Did you mean").
pub(super) fn name_not_defined(name: &str) -> PyErr {
    let e = name_error(format!("name '{name}' is not defined"));
    crate::objects::exception::set_attr(&e.0, "name", new_str(name));
    e
}

pub(super) fn unbound_local(code: &Code, i: u32) -> PyErr {
    let name = code.localsplus_name(i as usize).as_str().unwrap_or("?").to_owned();
    PyErr::new(
        &exc().unbound_local_error,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

pub(super) fn unbound_deref(code: &Code, i: u32) -> PyErr {
    let idx = i as usize;
    let name =
        if idx < code.nlocalsplus() { code.localsplus_name(idx).as_str().unwrap_or("?") } else { "?" }.to_owned();
    if idx >= code.varnames.len() + code.cellvars.len() {
        name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    } else {
        PyErr::new(
            &exc().unbound_local_error,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }
}
