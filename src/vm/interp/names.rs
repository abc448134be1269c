//! Name resolution helpers of the loop: `LoadGlobal`'s inline cache, code-object name
//! lookup, and the NameError/UnboundLocalError of unbound names.

use crate::bytecode::code::Code;
use crate::objects::dict::PyDict;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, PyResult, name_error, system_error};

// `LoadGlobal`'s feedback word is an inline cache: tag (2 bits), dense entry index
// (20 bits), and for a builtins hit the globals dict's version (42 bits). Dict versions
// are unique across dicts and change with the key set, so an unchanged globals version
// proves the name is still absent there; the entry itself is re-checked by key identity.
const LG_GLOBAL: u64 = 1;
const LG_BUILTIN: u64 = 2;
const LG_IX_BITS: u32 = 20;
const LG_VER_SHIFT: u32 = 2 + LG_IX_BITS;

#[inline(always)]
pub(super) fn load_global_cached(
    code: &Code,
    pc: usize,
    name: &Value,
    globals: &Value,
    builtins: &Value,
) -> Option<Value> {
    let c = code.feedback.get(pc)?.get();
    let g = globals.payload::<PyDict>()?;
    let ix = ((c >> 2) & ((1 << LG_IX_BITS) - 1)) as usize;
    match c & 3 {
        LG_GLOBAL => g.value_at_if_key(ix, name),
        LG_BUILTIN if g.version() == c >> LG_VER_SHIFT => builtins.payload::<PyDict>()?.value_at_if_key(ix, name),
        _ => None,
    }
}

/// The full lookup (globals, then builtins), refilling the inline cache.
#[cold]
pub(super) fn load_global_slow(
    code: &Code,
    pc: usize,
    name: &Value,
    globals: &Value,
    builtins: &Value,
) -> Option<Value> {
    let g = globals.payload::<PyDict>();
    let (v, cache) = match g.and_then(|d| d.get_str_value_ix(name)) {
        Some((ix, v)) => (v, if ix < 1 << LG_IX_BITS { ((ix as u64) << 2) | LG_GLOBAL } else { 0 }),
        None => {
            let (ix, v) = builtins.payload::<PyDict>()?.get_str_value_ix(name)?;
            let cache = match g {
                Some(g) if ix < 1 << LG_IX_BITS && g.version() < 1 << (64 - LG_VER_SHIFT) => {
                    (g.version() << LG_VER_SHIFT) | ((ix as u64) << 2) | LG_BUILTIN
                }
                _ => 0,
            };
            (v, cache)
        }
    };
    if let Some(c) = code.feedback.get(pc) {
        c.set(cache);
    }
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
