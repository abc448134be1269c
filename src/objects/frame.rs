//! Frame objects (`sys._getframe`, `tb_frame`) and traceback objects.

use std::cell::{Cell, RefCell};

use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::startup::{add_getter, add_method, add_property};
use crate::vm::{Args, PyResult, Vm};

/// A frame as Python code sees it: a snapshot of an interpreter frame's identity.
pub struct PyFrameObj {
    pub code: Value,
    pub globals: Value,
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    pub back: RefCell<Option<Value>>,
    pub locals: RefCell<Option<Value>>,
}
impl Trace for PyFrameObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        if let Some(b) = &*self.back.borrow() {
            visit(b);
        }
    }
}

pub struct PyTraceback {
    pub frame: Value,
    pub lasti: u32,
    pub lineno: u32,
    pub next: RefCell<Option<Value>>,
}
impl Trace for PyTraceback {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        if let Some(n) = &*self.next.borrow() {
            visit(n);
        }
    }
}

fn fo<'a>(args: &Args<'a>) -> PyResult<&'a PyFrameObj> {
    args.pos().first().and_then(|v| v.payload::<PyFrameObj>()).ok_or_else(|| type_error("expected a frame"))
}
fn tb<'a>(args: &Args<'a>) -> PyResult<&'a PyTraceback> {
    args.pos().first().and_then(|v| v.payload::<PyTraceback>()).ok_or_else(|| type_error("expected a traceback"))
}
fn f_lineno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(fo(&args)?.lineno.get() as i64))
}
fn f_lasti(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(fo(&args)?.lasti.get() as i64 * 2))
}
fn f_code(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.code.clone())
}
fn f_globals(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.globals.clone())
}
fn f_locals(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = fo(&args)?;
    Ok(f.locals.borrow().clone().unwrap_or_else(|| f.globals.clone()))
}
fn f_back(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.back.borrow().clone().unwrap_or_else(none))
}
fn f_builtins(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.builtins.clone())
}
fn f_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = fo(&args)?;
    let (file, name) = match f.code.payload::<crate::bytecode::code::Code>() {
        Some(c) => (c.filename.as_str().unwrap_or("?").to_owned(), c.name.as_str().unwrap_or("?").to_owned()),
        None => ("?".into(), "?".into()),
    };
    Ok(new_str(format!("<frame at {:#x}, file '{file}', line {}, code {name}>", args.pos()[0].bits(), f.lineno.get())))
}
fn tb_frame(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(tb(&args)?.frame.clone())
}
fn tb_lineno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(tb(&args)?.lineno as i64))
}
fn tb_lasti(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(tb(&args)?.lasti as i64 * 2))
}
fn tb_next(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(tb(&args)?.next.borrow().clone().unwrap_or_else(none))
}
fn tb_set_next(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = tb(&args)?;
    let v = args.pos().get(1).cloned().filter(|v| !v.is_none());
    if v.as_ref().is_some_and(|v| v.payload::<PyTraceback>().is_none()) {
        return Err(type_error("expected traceback object or None"));
    }
    *t.next.borrow_mut() = v;
    Ok(none())
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    let f = &t.frame;
    add_getter(f, "f_lineno", f_lineno);
    add_getter(f, "f_lasti", f_lasti);
    add_getter(f, "f_code", f_code);
    add_getter(f, "f_globals", f_globals);
    add_getter(f, "f_locals", f_locals);
    add_getter(f, "f_back", f_back);
    add_getter(f, "f_builtins", f_builtins);
    add_method(f, "__repr__", f_repr);
    let tt = &t.traceback;
    add_getter(tt, "tb_frame", tb_frame);
    add_getter(tt, "tb_lineno", tb_lineno);
    add_getter(tt, "tb_lasti", tb_lasti);
    add_property(tt, "tb_next", tb_next, Some(tb_set_next));
}
