//! `super`: the zero-argument form (reads the calling frame's `__class__` cell and first
//! argument), the two-argument form, and attribute lookup along the MRO after a class.

use crate::objects::cell::PyCell;
use crate::objects::descr::PySuper;
use crate::objects::str::new_str;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{runtime_error, type_error};
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// The type whose MRO `super(ty, obj)` searches, or CPython's error.
fn supercheck(vm: &mut Vm, ty: &Value, obj: &Value) -> PyResult<Value> {
    if let Some(t) = obj.as_type() {
        let _ = t;
        if is_subtype(obj, ty) {
            return Ok(obj.clone());
        }
    }
    if is_subtype(obj.type_of(), ty) {
        return Ok(obj.type_of().clone());
    }
    // An object may claim another class through `__class__` (proxies).
    if let Some(c) = vm.getattr_opt(obj, "__class__")? {
        if c.as_type().is_some() && !c.is(obj.type_of()) && is_subtype(&c, ty) {
            return Ok(c);
        }
    }
    Err(type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super()` with no arguments: `__class__` and the first argument of the calling frame.
fn zero_arg(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else { return Err(runtime_error("super(): no current frame")) };
    let code = f.code();
    if code.argcount == 0 && code.flags & (crate::bytecode::code::CO_VARARGS) == 0 {
        return Err(runtime_error("super(): no arguments"));
    }
    let nv = code.varnames.len();
    // The first argument, or its cell when an inner function captured it.
    let mut first = f.slots.locals().first().cloned().flatten();
    if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
        if let Some(Some(c)) = f.slots.locals().get(nv + ci) {
            if let Some(cell) = c.payload::<PyCell>() {
                first = cell.0.borrow().clone();
            }
        }
    }
    let Some(first) = first else { return Err(runtime_error("super(): arg[0] deleted")) };
    let Some(fi) = code.freevars.iter().position(|n| n.as_str() == Some("__class__")) else {
        return Err(runtime_error("super(): __class__ cell not found"));
    };
    let idx = nv + code.cellvars.len() + fi;
    let cls = match f.slots.locals().get(idx) {
        Some(Some(c)) => match c.payload::<PyCell>() {
            Some(cell) => cell.0.borrow().clone(),
            None => Some(c.clone()),
        },
        _ => None,
    };
    let Some(cls) = cls else { return Err(runtime_error("super(): empty __class__ cell")) };
    if cls.as_type().is_none() {
        return Err(runtime_error("super(): __class__ is not a type"));
    }
    Ok((cls, first))
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("super")?;
    let p = args.pos();
    let Some(cls) = p.first() else { return Err(type_error("super.__new__(): not enough arguments")) };
    let (this, obj) = match p.len() {
        1 => {
            let (c, o) = zero_arg(vm)?;
            (c, Some(o))
        }
        2 => (p[1].clone(), None),
        3 => (p[1].clone(), if p[2].is_none() { None } else { Some(p[2].clone()) }),
        n => return Err(type_error(format!("super() expected at most 2 arguments, got {}", n - 1))),
    };
    if this.as_type().is_none() {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", type_name(&this))));
    }
    let obj_type = match &obj {
        Some(o) => Some(supercheck(vm, &this, o)?),
        None => None,
    };
    let s = layout::alloc(&types().super_, PySuper { this_class: this, obj, obj_type });
    Ok(crate::objects::instance::wrap_builtin(cls, s))
}

fn super_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}

impl Vm {
    /// Attribute lookup on a `super` object: the MRO of the bound type after `this_class`,
    /// then the super object's own attributes. `Ok(None)` when missing.
    pub fn super_getattr(&mut self, s: &Value, name: &str) -> PyResult<Option<Value>> {
        let Some(sp) = s.downcast::<PySuper>() else { return Ok(None) };
        if name != "__class__" {
            if let Some(start) = &sp.obj_type {
                let mro = start.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
                let pos = mro.iter().position(|m| m.is(&sp.this_class));
                if let Some(pos) = pos {
                    for t in &mro[pos + 1..] {
                        let Some(tp) = t.as_type() else { continue };
                        if let Some(a) = tp.dict.get_str(name) {
                            let obj = sp.obj.clone();
                            let start = start.clone();
                            let inst = match &obj {
                                Some(o) if !o.is(&start) => Some(o),
                                _ => None,
                            };
                            return self.descr_get(&a, inst, &start).map(Some);
                        }
                    }
                }
            }
        }
        self.generic_getattr_opt(s, name)
    }
}

fn super_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("__get__", 2, 3)?;
    let Some(sp) = a[0].downcast::<PySuper>() else { return Err(type_error("expected super")) };
    if a[1].is_none() || sp.obj.is_some() {
        return Ok(a[0].clone());
    }
    let this = sp.this_class.clone();
    let obj_type = supercheck(vm, &this, &a[1])?;
    Ok(layout::alloc(&types().super_, PySuper { this_class: this, obj: Some(a[1].clone()), obj_type: Some(obj_type) }))
}

fn super_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let Some(sp) = s.downcast::<PySuper>() else { return Err(type_error("expected super")) };
    let this = sp.this_class.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    match &sp.obj_type {
        Some(t) => {
            let r = vm.repr_string(t)?;
            Ok(new_str(format!("<super: <class '{this}'>, <{} object>>", short_name(&r, t))))
        }
        None => Ok(new_str(format!("<super: <class '{this}'>, NULL>"))),
    }
}

fn short_name(_r: &str, t: &Value) -> String {
    t.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
}

fn super_thisclass(_vm: &mut Vm, s: &Value) -> PyResult {
    s.downcast::<PySuper>().map(|s| s.this_class.clone()).ok_or_else(|| type_error("expected super"))
}
fn super_self(_vm: &mut Vm, s: &Value) -> PyResult {
    let sp = s.downcast::<PySuper>().ok_or_else(|| type_error("expected super"))?;
    Ok(sp.obj.clone().unwrap_or_else(none))
}
fn super_self_class(_vm: &mut Vm, s: &Value) -> PyResult {
    let sp = s.downcast::<PySuper>().ok_or_else(|| type_error("expected super"))?;
    Ok(sp.obj_type.clone().unwrap_or_else(none))
}

pub fn init() {
    let t = &types().super_;
    add_staticmethod(t, "__new__", super_new);
    add_method(t, "__init__", super_init);
    add_method(t, "__get__", super_get);
    add_method(t, "__repr__", super_repr);
    crate::objects::descr::add_getset(t, "__thisclass__", super_thisclass, None);
    crate::objects::descr::add_getset(t, "__self__", super_self, None);
    crate::objects::descr::add_getset(t, "__self_class__", super_self_class, None);
    let _ = Kind::Super;
}
