//! Cells: the boxes closures share variables through.

use std::cell::RefCell;

use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::startup::{add_method, add_property};
use crate::vm::{Args, PyResult, Vm};

pub struct PyCell(pub RefCell<Option<Value>>);
impl Trace for PyCell {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &*self.0.borrow() {
            visit(v);
        }
    }
}

fn cell<'a>(args: &Args<'a>) -> PyResult<&'a PyCell> {
    args.pos().first().and_then(|v| v.payload::<PyCell>()).ok_or_else(|| type_error("expected a cell"))
}
fn contents(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    cell(&args)?.0.borrow().clone().ok_or_else(|| crate::vm::errors::value_error("Cell is empty"))
}
fn set_contents(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    *cell(&args)?.0.borrow_mut() = args.pos().get(1).cloned();
    Ok(none())
}
fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = cell(&args)?;
    let inner = c.0.borrow().clone();
    let at = args.pos()[0].bits();
    Ok(new_str(match inner {
        Some(v) => format!(
            "<cell at {at:#x}: {} object at {:#x}>",
            crate::vm::protocol::type_name(&v),
            if v.is_small() { 0 } else { v.bits() }
        ),
        None => {
            let _ = vm;
            format!("<cell at {at:#x}: empty>")
        }
    }))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().cell;
    add_property(t, "cell_contents", contents, Some(set_contents));
    add_method(t, "__repr__", repr);
}
