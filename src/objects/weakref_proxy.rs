//! `weakref.proxy` objects: every attribute access and operator is forwarded to the live
//! referent; a dead referent raises ReferenceError.

use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::weakref::PyWeakRef;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

/// The referent of a proxy, or ReferenceError.
fn referent(v: &Value) -> PyResult<Value> {
    match v.downcast::<PyWeakRef>() {
        Some(p) => {
            p.get().ok_or_else(|| PyErr::new(&exc().reference_error, "weakly-referenced object no longer exists"))
        }
        None => Ok(v.clone()),
    }
}

/// Arguments with every proxy replaced by its referent.
fn unwrap_all(args: &[Value]) -> PyResult<Vec<Value>> {
    args.iter().map(referent).collect()
}

fn forward(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult {
    let a = unwrap_all(args.pos())?;
    let Some((obj, rest)) = a.split_first() else { return Err(type_error("proxy method needs self")) };
    vm.call_method(obj, name, rest)
}

macro_rules! forwarders {
    ($($f:ident => $name:literal,)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            forward(vm, &args, $name)
        })*
        const FORWARDED: &[(&str, crate::vm::NativeFn)] = &[$(($name, $f),)*];
    };
}

forwarders! {
    p_len => "__len__",
    p_iter => "__iter__",
    p_next => "__next__",
    p_getitem => "__getitem__",
    p_setitem => "__setitem__",
    p_delitem => "__delitem__",
    p_contains => "__contains__",
    p_add => "__add__",
    p_radd => "__radd__",
    p_sub => "__sub__",
    p_rsub => "__rsub__",
    p_mul => "__mul__",
    p_rmul => "__rmul__",
    p_truediv => "__truediv__",
    p_floordiv => "__floordiv__",
    p_mod => "__mod__",
    p_pow => "__pow__",
    p_neg => "__neg__",
    p_pos => "__pos__",
    p_abs => "__abs__",
    p_iadd => "__iadd__",
    p_lt => "__lt__",
    p_le => "__le__",
    p_eq => "__eq__",
    p_ne => "__ne__",
    p_gt => "__gt__",
    p_ge => "__ge__",
    p_index => "__index__",
    p_int => "__int__",
    p_float => "__float__",
    p_reversed => "__reversed__",
}

fn p_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__getattribute__")?;
    let t = referent(s)?;
    vm.getattr(&t, name)
}

fn p_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name, v] = args.exact::<3>("__setattr__")?;
    let t = referent(s)?;
    vm.setattr(&t, name, v.clone())?;
    Ok(none())
}

fn p_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__delattr__")?;
    let t = referent(s)?;
    vm.delattr(&t, name)?;
    Ok(none())
}

fn p_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    let t = referent(s)?;
    Ok(new_str(vm.str_string(&t)?))
}

fn p_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__bool__")?;
    let t = referent(s)?;
    Ok(py_bool(vm.truthy(&t)?))
}

fn p_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__hash__")?;
    Err(type_error(format!("unhashable type: 'weakref.{}'", type_name(s))))
}

fn p_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let p = s.downcast::<PyWeakRef>().ok_or_else(|| type_error("expected a proxy"))?;
    Ok(new_str(match p.get() {
        Some(t) => format!("<weakproxy at {:#x}; to '{}' at {:#x}>", s.bits(), type_name(&t), t.bits()),
        None => format!("<weakproxy at {:#x}; dead>", s.bits()),
    }))
}

/// `CallableProxyType.__call__`.
pub fn proxy_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some((s, rest)) = args.pos().split_first() else { return Err(type_error("proxy call needs self")) };
    let t = referent(s)?;
    let mut all: Vec<Value> = rest.to_vec();
    all.extend(args.values[args.pos().len()..].iter().cloned());
    vm.call(&t, Args::new(&all, args.kwnames))
}

/// Adds the forwarding methods to a proxy type.
pub fn init_proxy_type(t: &Value) {
    for (name, f) in FORWARDED {
        add_method(t, name, *f);
    }
    add_method(t, "__getattribute__", p_getattribute);
    add_method(t, "__setattr__", p_setattr);
    add_method(t, "__delattr__", p_delattr);
    add_method(t, "__str__", p_str);
    add_method(t, "__bool__", p_bool);
    add_method(t, "__hash__", p_hash);
    add_method(t, "__repr__", p_repr);
}
