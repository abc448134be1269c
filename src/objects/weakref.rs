//! Weak references (`weakref.ref`, `weakref.proxy`): the `PyWeakRef` payload and the native
//! methods of `ReferenceType`, `ProxyType` and `CallableProxyType`.
//!
//! A weak reference holds its referent's address without a count; the referent is flagged
//! `FLAG_WEAKREFS` and listed in layout's side table, which clears the reference (and queues
//! its callback) when the referent is freed. Objects nobody weakly references pay nothing.

use crate::objects::type_::new_builtin_class;
use std::cell::{Cell, RefCell};

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::objects::type_::{TF_BASETYPE, TF_CUSTOM_GETATTRIBUTE, TF_CUSTOM_SETATTR};
use crate::objects::{Trace, none, not_implemented, py_bool, types};
use crate::values::gil::GilCell;
use crate::values::layout::{self, EVAL_BREAKER};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyWeakRef {
    /// The referent's address (0 once it died).
    pub target: Cell<usize>,
    pub callback: RefCell<Option<Value>>,
    pub hash: Cell<Option<i64>>,
    /// The address registered in the side table: this object, or the instance of a
    /// subclass (`KeyedRef`) that wraps it, which is what callbacks receive.
    pub registered: Cell<usize>,
}

impl Drop for PyWeakRef {
    fn drop(&mut self) {
        let t = self.target.get();
        if t != 0 {
            layout::weak_unregister(t, self.registered.get());
        }
    }
}

impl Trace for PyWeakRef {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(c) = &*self.callback.borrow() {
            visit(c);
        }
    }
}

impl PyWeakRef {
    /// A new reference to the referent, if it is alive.
    pub fn get(&self) -> Option<Value> {
        layout::weak_upgrade(self.target.get())
    }
    /// Detaches from a dying referent (its side-table entry is already gone).
    fn forget(&self) {
        self.target.set(0);
    }
}

pub struct WeakTypes {
    pub ref_: Value,
    pub proxy: Value,
    pub callable_proxy: Value,
}
static WEAK_TYPES: GilCell<WeakTypes> = GilCell::new();

/// Weak references whose referent died, with a callback still to call (run by the
/// interpreter at the next instruction boundary, with the pending finalizers; shared by
/// all threads like the finalizer queue).
static PENDING_CALLBACKS: crate::values::gil::GilStatic<RefCell<Vec<Value>>> =
    crate::values::gil::GilStatic::new(RefCell::new(Vec::new()));

/// The three weak reference types (made, with their methods, on first use).
pub fn weak_types() -> &'static WeakTypes {
    WEAK_TYPES.init(|| {
        let _ = layout::WEAKREF_CLEARED.set(on_referent_freed);
        let ref_ = new_builtin_class("ReferenceType", "weakref", Kind::WeakRef, TF_BASETYPE);
        add_staticmethod(&ref_, "__new__", ref_new);
        add_method(&ref_, "__init__", ref_init);
        add_method(&ref_, "__call__", ref_call);
        add_method(&ref_, "__hash__", ref_hash);
        add_method(&ref_, "__eq__", ref_eq);
        add_method(&ref_, "__ne__", ref_ne);
        add_method(&ref_, "__repr__", ref_repr);
        add_method(&ref_, "__class_getitem__", class_getitem);
        add_getter(&ref_, "__callback__", ref_callback);
        let flags = TF_CUSTOM_GETATTRIBUTE | TF_CUSTOM_SETATTR;
        let proxy = new_builtin_class("ProxyType", "weakref", Kind::WeakRef, flags);
        let callable_proxy = new_builtin_class("CallableProxyType", "weakref", Kind::WeakRef, flags);
        for p in [&proxy, &callable_proxy] {
            super::weakref_proxy::init_proxy_type(p);
        }
        add_method(&callable_proxy, "__call__", super::weakref_proxy::proxy_call);
        // `WeakMethod.__call__` rebuilds the method as `type(meth)(func, obj)`.
        if types().method.as_type().is_some_and(|t| t.dict.get_str("__new__").is_none()) {
            add_staticmethod(&types().method, "__new__", method_new);
        }
        WeakTypes { ref_, proxy, callable_proxy }
    })
}

/// `types.MethodType(func, obj)`.
fn method_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [_cls, func, obj] = args.exact::<3>("method")?;
    if obj.is_none() {
        return Err(type_error("self must not be None"));
    }
    Ok(layout::alloc(
        &types().method,
        crate::objects::function::PyBoundMethod { func: func.clone(), self_: obj.clone() },
    ))
}

/// Layout's hook: `wr` (a registered weak reference) lost its referent.
fn on_referent_freed(wr: Value) {
    let Some(p) = wr.downcast::<PyWeakRef>() else { return };
    p.forget();
    if p.callback.borrow().is_some() {
        if let Ok(mut q) = PENDING_CALLBACKS.try_borrow_mut() {
            q.push(wr.clone());
        }
        EVAL_BREAKER.fetch_or(layout::BREAK_FINALIZERS, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Drops the callback of a weak reference that is itself cyclic garbage (CPython does not
/// call those).
pub fn discard_callback(wr: &Value) {
    if let Some(p) = wr.downcast::<PyWeakRef>() {
        let old = p.callback.take();
        drop(old);
    }
}

/// Calls the queued callbacks; true if there were any.
pub fn run_pending_callbacks(vm: &mut Vm) -> bool {
    let batch: Vec<Value> = match PENDING_CALLBACKS.try_borrow_mut() {
        Ok(mut q) => std::mem::take(&mut *q),
        Err(_) => return false,
    };
    if batch.is_empty() {
        return false;
    }
    for wr in batch {
        let cb = wr.downcast::<PyWeakRef>().and_then(|p| p.callback.take());
        if let Some(cb) = cb {
            if let Err(e) = vm.call_pos(&cb, std::slice::from_ref(&wr)) {
                let what = vm.repr_string(&cb).unwrap_or_default();
                vm.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
            }
        }
    }
    true
}

/// Can `v` be weakly referenced (CPython: its type has a weak list offset)?
pub fn weakrefable(v: &Value) -> bool {
    match v.kind() {
        // Native types opt in with a `__weakref__` attribute (`functools.partial`).
        Kind::Instance | Kind::Native => v.type_of().as_type().is_some_and(|t| t.lookup("__weakref__").is_some()),
        Kind::Type
        | Kind::Function
        | Kind::BoundMethod
        | Kind::Builtin
        | Kind::Set
        | Kind::FrozenSet
        | Kind::Generator
        | Kind::Module
        | Kind::Code
        | Kind::File
        | Kind::Property => true,
        _ => false,
    }
}

fn not_weakrefable(v: &Value) -> PyErr {
    type_error(format!("cannot create weak reference to '{}' object", type_name(v)))
}

/// `ref(ob, callback=None)` as made for class `cls` (the ref type or a subclass), or a proxy.
pub fn make_ref(cls: &Value, base_ty: &Value, ob: &Value, callback: Option<Value>) -> PyResult {
    if !weakrefable(ob) {
        return Err(not_weakrefable(ob));
    }
    // CPython shares the one callback-less reference (or proxy) of the exact type.
    if callback.is_none() && cls.is(base_ty) {
        for w in layout::weak_refs_to(ob) {
            if w.type_of().is(cls) && w.payload::<PyWeakRef>().is_some_and(|p| p.callback.borrow().is_none()) {
                return Ok(w);
            }
        }
    }
    let base = layout::alloc(
        base_ty,
        PyWeakRef {
            target: Cell::new(ob.bits()),
            callback: RefCell::new(callback),
            hash: Cell::new(None),
            registered: Cell::new(0),
        },
    );
    let outer = crate::objects::instance::wrap_builtin(cls, base);
    if let Some(p) = outer.downcast::<PyWeakRef>() {
        p.registered.set(outer.bits());
    }
    layout::weak_register(ob, outer.bits());
    Ok(outer)
}

fn ref_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(cls) = pos.first() else { return Err(type_error("ReferenceType.__new__(): not enough arguments")) };
    if pos.len() < 2 || pos.len() > 3 {
        return Err(type_error(format!("__new__ expected at most 2 arguments, got {}", pos.len().saturating_sub(1))));
    }
    let cb = pos.get(2).filter(|c| !c.is_none()).cloned();
    make_ref(cls, &weak_types().ref_, &pos[1], cb)
}

fn ref_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}

fn ref_call(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("weakref call needs self"))?;
    let p = s.downcast::<PyWeakRef>().ok_or_else(|| type_error("expected a weakref"))?;
    Ok(p.get().unwrap_or_else(none))
}

fn ref_callback(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("expected a weakref"))?;
    let p = s.downcast::<PyWeakRef>().ok_or_else(|| type_error("expected a weakref"))?;
    Ok(p.callback.borrow().clone().unwrap_or_else(none))
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("expected a weakref"))?;
    let p = s.downcast::<PyWeakRef>().ok_or_else(|| type_error("expected a weakref"))?;
    if let Some(h) = p.hash.get() {
        return Ok(new_int(h));
    }
    let Some(t) = p.get() else { return Err(type_error("weak object has gone away")) };
    let h = vm.hash(&t)?;
    p.hash.set(Some(h));
    Ok(new_int(h))
}

fn ref_cmp(vm: &mut Vm, args: &Args<'_>, ne: bool) -> PyResult {
    let [a, b] = args.exact::<2>(if ne { "__ne__" } else { "__eq__" })?;
    let (Some(pa), Some(pb)) = (a.downcast::<PyWeakRef>(), b.downcast::<PyWeakRef>()) else {
        return Ok(not_implemented());
    };
    let r = match (pa.get(), pb.get()) {
        (Some(x), Some(y)) => vm.eq(&x, &y)?,
        _ => a.is(b),
    };
    Ok(py_bool(r != ne))
}

fn ref_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    ref_cmp(vm, &args, false)
}
fn ref_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    ref_cmp(vm, &args, true)
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("expected a weakref"))?;
    let p = s.downcast::<PyWeakRef>().ok_or_else(|| type_error("expected a weakref"))?;
    Ok(new_str(match p.get() {
        None => format!("<weakref at {:#x}; dead>", s.bits()),
        Some(t) => {
            let name = vm.getattr_opt(&t, "__name__").ok().flatten().and_then(|n| n.as_str().map(str::to_owned));
            match name {
                Some(n) => format!("<weakref at {:#x}; to '{}' at {:#x} ({})>", s.bits(), type_name(&t), t.bits(), n),
                None => format!("<weakref at {:#x}; to '{}' at {:#x}>", s.bits(), type_name(&t), t.bits()),
            }
        }
    }))
}

fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    match (pos.first(), pos.get(1)) {
        (Some(c), Some(a)) => {
            let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_else(|| vec![a.clone()]);
            Ok(crate::objects::type_::generic::new_alias(c.clone(), items))
        }
        _ => Err(type_error("__class_getitem__ needs an argument")),
    }
}

/// `weakref.getweakrefcount(ob)`.
pub fn getweakrefcount(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [ob] = args.exact::<1>("getweakrefcount")?;
    Ok(new_int(layout::weak_refs_to(ob).len() as i64))
}

/// `weakref.getweakrefs(ob)`.
pub fn getweakrefs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [ob] = args.exact::<1>("getweakrefs")?;
    Ok(crate::objects::list::new_list(layout::weak_refs_to(ob)))
}

/// `_weakref._remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead ref.
pub fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [d, key] = args.exact::<2>("_remove_dead_weakref")?;
    let Some(dd) = d.payload::<PyDict>() else { return Err(type_error("not a dict")) };
    if let Some(v) = dd.get(vm, key)? {
        if v.downcast::<PyWeakRef>().is_some_and(|p| p.get().is_none()) {
            dd.remove(vm, key)?;
        }
    }
    Ok(none())
}

/// `object.__weakref__`: the first weak reference to the object, or None.
pub fn first_weakref(s: &Value) -> Value {
    layout::weak_refs_to(s).into_iter().next().unwrap_or_else(none)
}
