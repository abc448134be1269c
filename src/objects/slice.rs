//! `slice`: start/stop/step triples for subscripts.

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::sequtil::{add_getter, marg1, margs, slice_indices, this, to_size};
use crate::objects::tuple::new_tuple;
use crate::objects::{Trace, none, not_implemented, types};
use crate::values::{Value, layout};
use crate::vm::errors::value_error;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for PySlice {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// A new slice object.
pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    layout::alloc(&types().slice, PySlice { start, stop, step })
}

fn sself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PySlice)> {
    this::<PySlice>(args, meth, "slice")
}

fn slice_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("slice")?;
    let p = &args.pos()[1.min(args.pos().len())..];
    match p.len() {
        1 => Ok(new_slice(none(), p[0].clone(), none())),
        2 => Ok(new_slice(p[0].clone(), p[1].clone(), none())),
        3 => Ok(new_slice(p[0].clone(), p[1].clone(), p[2].clone())),
        n => Err(crate::vm::args::arg_count_error("slice", 1, 3, n)),
    }
}

fn slice_start(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(sself(&args, "start")?.1.start.clone())
}
fn slice_stop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(sself(&args, "stop")?.1.stop.clone())
}
fn slice_step(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(sself(&args, "step")?.1.step.clone())
}

fn slice_indices_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "indices")?;
    let n = marg1(&args, "slice.indices")?;
    let len = to_size(vm, n)?;
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let si = slice_indices(vm, s, len as usize)?;
    Ok(new_tuple(vec![new_int(si.start), new_int(si.stop), new_int(si.step)]))
}

fn slice_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__repr__")?;
    let a = vm.repr_string(&s.start)?;
    let b = vm.repr_string(&s.stop)?;
    let c = vm.repr_string(&s.step)?;
    Ok(crate::objects::str::new_str(format!("slice({a}, {b}, {c})")))
}

fn slice_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, s) = sself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(os) = o.payload::<PySlice>() else { return Ok(not_implemented()) };
    let a = new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()]);
    let b = new_tuple(vec![os.start.clone(), os.stop.clone(), os.step.clone()]);
    vm.compare(&a, &b, op)
}

fn slice_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Eq)
}
fn slice_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Ne)
}
fn slice_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Lt)
}
fn slice_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Le)
}
fn slice_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Gt)
}
fn slice_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    slice_cmp(vm, args, CmpOp::Ge)
}

fn slice_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "__reduce__")?;
    margs(&args, "__reduce__", 0, 0)?;
    Ok(new_tuple(vec![types().slice.clone(), new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])]))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().slice;
    add_staticmethod(t, "__new__", slice_new);
    add_getter(t, "start", slice_start);
    add_getter(t, "stop", slice_stop);
    add_getter(t, "step", slice_step);
    add_method(t, "indices", slice_indices_m);
    add_method(t, "__repr__", slice_repr);
    add_method(t, "__eq__", slice_eq);
    add_method(t, "__ne__", slice_ne);
    add_method(t, "__lt__", slice_lt);
    add_method(t, "__le__", slice_le);
    add_method(t, "__gt__", slice_gt);
    add_method(t, "__ge__", slice_ge);
    add_method(t, "__reduce__", slice_reduce);
    if let Some(tp) = t.as_type() {
        tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
    }
}
