//! Type objects: name, bases, C3 MRO, the attribute dict, and a version tag that inline
//! caches and compiled code key on (bumped whenever the type or a base changes).

use std::cell::{Cell, RefCell};

use crate::objects::Trace;
use crate::objects::dict::PyDict;
use crate::values::{Kind, Value};

/// Instances may be subclassed (`class X(int)`).
pub const TF_BASETYPE: u32 = 1;
/// Created by a `class` statement (or `type(name, bases, ns)`), not built in.
pub const TF_HEAPTYPE: u32 = 2;
/// Defines `__del__` somewhere in its MRO.
pub const TF_HAS_DEL: u32 = 4;

pub struct PyType {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    /// Method resolution order, starting with this type itself.
    pub mro: RefCell<Vec<Value>>,
    /// The attribute namespace (`__dict__`, keys are str).
    pub dict: PyDict,
    /// The payload kind instances of this type are allocated with.
    pub instance_kind: Kind,
    pub flags: Cell<u32>,
    /// Changes whenever this type's or any base's dict or bases change.
    pub version: Cell<u32>,
    /// `__slots__` names laid out in `Instance::slots`, bases' first.
    pub slot_names: RefCell<Vec<Value>>,
    /// Instances carry a `__dict__`.
    pub has_dict: Cell<bool>,
}

impl Trace for PyType {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for b in self.bases.borrow().iter() {
            visit(b);
        }
        // The MRO's first entry is the type itself (a self-reference): skip it.
        for b in self.mro.borrow().iter().skip(1) {
            visit(b);
        }
        self.dict.trace(visit);
    }
}

impl PyType {
    pub fn new(name: &str, instance_kind: Kind, flags: u32) -> PyType {
        PyType {
            name: RefCell::new(name.to_owned()),
            qualname: RefCell::new(name.to_owned()),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: PyDict::new(),
            instance_kind,
            flags: Cell::new(flags),
            version: Cell::new(next_version()),
            slot_names: RefCell::new(Vec::new()),
            has_dict: Cell::new(false),
        }
    }

    /// Looks `name` up along the MRO (no descriptor binding).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        for t in self.mro.borrow().iter() {
            if let Some(tp) = t.payload::<PyType>() {
                if let Some(v) = tp.dict.get_str(name) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
}

static VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A fresh type version tag (0 is never issued: it means "no valid version").
pub fn next_version() -> u32 {
    let n = VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if n == 0 { VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) } else { n }
}

impl Value {
    /// The type payload, if this is a type object.
    #[inline]
    pub fn as_type(&self) -> Option<&PyType> {
        self.payload::<PyType>()
    }
}

/// `type.__call__(cls, *args, **kwargs)`: `cls.__new__(cls, ...)`, then `__init__` when the
/// result is an instance of `cls`.
pub fn type_call(vm: &mut crate::vm::Vm, cls: &Value, args: crate::vm::Args<'_>) -> crate::vm::PyResult {
    use crate::vm::Args;
    let Some(tp) = cls.as_type() else {
        return Err(crate::vm::errors::type_error("type_call on a non-type"));
    };
    let new = tp
        .lookup("__new__")
        .ok_or_else(|| crate::vm::errors::type_error(format!("cannot create '{}' instances", tp.name.borrow())))?;
    let new = match new.payload::<crate::objects::descr::PyStaticMethod>() {
        Some(s) => s.0.clone(),
        None => new,
    };
    let mut v = Vec::with_capacity(args.values.len() + 1);
    v.push(cls.clone());
    v.extend_from_slice(args.values);
    let obj = vm.call(&new, Args::new(&v, args.kwnames))?;
    if !crate::vm::protocol::is_subtype(obj.type_of(), cls) {
        return Ok(obj);
    }
    if let Some(init) = obj.type_of().as_type().and_then(|t| t.lookup("__init__")) {
        v[0] = obj.clone();
        let r = vm.call(&init, Args::new(&v, args.kwnames))?;
        if !r.is_none() {
            return Err(crate::vm::errors::type_error(format!(
                "__init__() should return None, not '{}'",
                crate::vm::protocol::type_name(&r)
            )));
        }
    }
    Ok(obj)
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
