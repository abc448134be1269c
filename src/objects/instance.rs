//! Instances of user classes: a `__dict__`, `__slots__` storage, and for subclasses of
//! builtin types without a dict of their own (`class L(list)`) the builtin value wrapped.
//! Also the methods of `object` itself.

use std::cell::RefCell;

mod reduce;

use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::type_::PyType;
use crate::objects::{Trace, none, not_implemented, py_bool, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{attribute_error, type_error};
use crate::vm::protocol::{instance_dict, instance_dict_create, type_name};
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct Instance {
    /// The instance `__dict__` (a dict object), absent for slotted classes.
    pub dict: RefCell<Option<Value>>,
    /// Values of `__slots__` entries, in the order the class hierarchy lays them out.
    pub slots: Box<[RefCell<Option<Value>>]>,
    /// The builtin value this instance extends (list, dict, int, str...), if any.
    pub base: Option<Value>,
}
impl Trace for Instance {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
        for s in self.slots.iter() {
            if let Some(v) = &*s.borrow() {
                visit(v);
            }
        }
        if let Some(b) = &self.base {
            visit(b);
        }
    }
}

fn empty_slots(cls: &Value) -> Box<[RefCell<Option<Value>>]> {
    let n = cls.as_type().map_or(0, |t| t.slot_names.borrow().len());
    (0..n).map(|_| RefCell::new(None)).collect()
}

/// A fresh instance of the user class `cls` (what `object.__new__(cls)` makes).
pub fn new_instance(cls: &Value) -> Value {
    layout::alloc(cls, Instance { dict: RefCell::new(None), slots: empty_slots(cls), base: None })
}

/// The object a builtin type's `__new__(cls, ...)` returns: `base` itself when `cls` is
/// exactly the builtin type, else an instance of the user subclass `cls` wrapping `base`.
/// Every builtin `__new__` should end with this so `class L(list)` works.
pub fn wrap_builtin(cls: &Value, base: Value) -> Value {
    if base.type_of().is(cls) || cls.as_type().is_none_or(|t| t.instance_kind != Kind::Instance) {
        return base;
    }
    layout::alloc(cls, Instance { dict: RefCell::new(None), slots: empty_slots(cls), base: Some(base) })
}

/// Identities of `object`'s native slots, to tell "not overridden" apart.
pub struct ObjectSlots {
    pub new: Value,
    pub init: Value,
}
static OBJECT_SLOTS: GilCell<ObjectSlots> = GilCell::new();

/// `object.__new__` and `object.__init__` as stored in `object`'s dict.
pub fn object_slots() -> &'static ObjectSlots {
    OBJECT_SLOTS.get()
}

fn object_slot(name: &str) -> Value {
    types().object.as_type().and_then(|t| t.dict.get_str(name)).unwrap_or_else(none)
}

fn overrides(cls: &PyType, name: &str, native: &Value) -> bool {
    cls.lookup(name).is_some_and(|f| !f.is(native))
}

fn excess_args(args: &Args<'_>) -> bool {
    args.pos().len() > 1 || args.has_kwargs()
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.pos().first() else { return Err(type_error("object.__new__(): not enough arguments")) };
    let Some(t) = cls.as_type() else {
        return Err(type_error(format!("object.__new__(X): X is not a type object ({})", type_name(cls))));
    };
    if excess_args(&args) {
        let s = OBJECT_SLOTS.get();
        if overrides(t, "__new__", &s.new) {
            return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !overrides(t, "__init__", &s.init) {
            return Err(type_error(format!("{}() takes no arguments", t.name.borrow())));
        }
    }
    object_alloc(vm, cls)
}

/// The allocation half of `object.__new__(cls)` (kind and abstract-class checks).
pub fn object_alloc(vm: &mut Vm, cls: &Value) -> PyResult {
    let Some(t) = cls.as_type() else { return Err(type_error("object.__new__(X): X is not a type object")) };
    if t.instance_kind != Kind::Instance || (!t.is_heap() && !cls.is(&types().object)) {
        let n = t.name.borrow();
        return Err(type_error(format!("object.__new__({n}) is not safe, use {n}.__new__()")));
    }
    if let Some(am) =
        t.has_flag(crate::objects::type_::TF_ABSTRACT).then(|| t.dict.get_str("__abstractmethods__")).flatten()
    {
        let mut names: Vec<String> = vm.to_vec(&am)?.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect();
        if !names.is_empty() {
            names.sort();
            return Err(type_error(format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                t.name.borrow(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            )));
        }
    }
    Ok(new_instance(cls))
}

fn object_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if excess_args(&args) {
        let Some(obj) = args.pos().first() else { return Ok(none()) };
        let s = OBJECT_SLOTS.get();
        let ty = obj.type_of().clone();
        if let Some(t) = ty.as_type() {
            if overrides(t, "__init__", &s.init) {
                return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
            }
            if !overrides(t, "__new__", &s.new) {
                return Err(type_error(format!("{}() takes no arguments", t.name.borrow())));
            }
        }
    }
    Ok(none())
}

/// `<mod.Qualname object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let Some(t) = v.type_of().as_type() else { return format!("<object at {:#x}>", v.bits()) };
    let m = t.module_name();
    if m == "builtins" {
        format!("<{} object at {:#x}>", t.qualname.borrow(), v.bits())
    } else {
        format!("<{m}.{} object at {:#x}>", t.qualname.borrow(), v.bits())
    }
}

fn object_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    Ok(new_str(default_repr(s)))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    vm.repr(s)
}

fn object_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    Ok(if a.is(b) { crate::objects::true_() } else { not_implemented() })
}

fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__ne__")?;
    let r = match vm.lookup_special(a, "__eq__") {
        Some(f) => vm.call(&f, Args::positional_only(&[a.clone(), b.clone()]))?,
        None => not_implemented(),
    };
    if r.is_not_implemented() {
        return Ok(r);
    }
    Ok(py_bool(!vm.truthy(&r)?))
}

fn object_cmp_ni(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<2>("comparison")?;
    Ok(not_implemented())
}

/// The identity hash CPython uses (the address rotated by 4 bits).
pub fn identity_hash(v: &Value) -> i64 {
    let b = v.bits() as u64;
    let h = b.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

fn object_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__hash__")?;
    Ok(crate::objects::int::new_int(identity_hash(s) >> 1))
}

fn attr_name<'a>(n: &'a Value) -> PyResult<&'a str> {
    n.as_str().ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", type_name(n))))
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, n] = args.exact::<2>("__getattribute__")?;
    let name = attr_name(n)?;
    match vm.generic_getattr_opt(s, name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(s, name)),
    }
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, n, v] = args.exact::<3>("__setattr__")?;
    let name = attr_name(n)?.to_owned();
    if s.as_type().is_some() {
        return Err(type_error("can't apply this __setattr__ to type object"));
    }
    vm.generic_setattr(s, n, &name, Some(v.clone()))?;
    Ok(none())
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, n] = args.exact::<2>("__delattr__")?;
    let name = attr_name(n)?.to_owned();
    if s.as_type().is_some() {
        return Err(type_error("can't apply this __delattr__ to type object"));
    }
    vm.generic_setattr(s, n, &name, None)?;
    Ok(none())
}

/// `object.__dir__`: the instance dict's keys plus the class's attributes.
fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__dir__")?;
    let mut names: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Some(d) = instance_dict(s) {
        if let Some(dd) = d.payload::<PyDict>() {
            for k in dd.keys() {
                if let Some(ks) = k.as_str() {
                    if seen.insert(ks.to_owned()) {
                        names.push(k.clone());
                    }
                }
            }
        }
    }
    let cls = vm.getattr_opt(s, "__class__")?.unwrap_or_else(|| s.type_of().clone());
    let mro = cls.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for t in mro {
        if let Some(tt) = t.as_type() {
            for k in tt.dict.keys() {
                if let Some(ks) = k.as_str() {
                    if seen.insert(ks.to_owned()) {
                        names.push(k.clone());
                    }
                }
            }
        }
    }
    Ok(new_list(names))
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, spec] = args.exact::<2>("__format__")?;
    let Some(sp) = spec.as_str() else {
        return Err(type_error(format!("__format__() argument must be str, not {}", type_name(spec))));
    };
    if !sp.is_empty() {
        return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(s))));
    }
    vm.str(s)
}

fn object_init_subclass(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        let cls = args.pos().first().and_then(|c| c.as_type().map(|t| t.qualname.borrow().clone()));
        return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls.unwrap_or_default())));
    }
    Ok(none())
}

fn object_subclasshook(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(not_implemented())
}

fn object_class_get(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(s.type_of().clone())
}

/// `obj.__class__ = C`: only between compatible user classes, as CPython allows.
fn object_class_set(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("can't delete __class__ attribute")) };
    let Some(nt) = v.as_type() else {
        return Err(type_error(format!("__class__ must be set to a class, not '{}' object", type_name(&v))));
    };
    let old = s.type_of().clone();
    let Some(ot) = old.as_type() else { return Err(type_error("bad object")) };
    let compatible = nt.is_heap()
        && ot.is_heap()
        && nt.instance_kind == ot.instance_kind
        && nt.slot_names.borrow().len() == ot.slot_names.borrow().len()
        && nt.has_dict.get() == ot.has_dict.get();
    if !compatible {
        if !ot.is_heap() || !nt.is_heap() {
            return Err(type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
        }
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nt.name.borrow(),
            ot.name.borrow()
        )));
    }
    if let Some(h) = s.header() {
        h.set_ty(v.clone());
    }
    Ok(())
}

/// The `__dict__` attribute of instances of classes that have one.
pub fn obj_dict_get(_vm: &mut Vm, s: &Value) -> PyResult {
    let d = instance_dict_create(s)
        .ok_or_else(|| attribute_error(format!("'{}' object has no attribute '__dict__'", type_name(s))))?;
    // CPython 3.11 materializes the dict object only now (the collector's counts see it).
    if let Some(h) = d.header() {
        h.set_flag(layout::FLAG_DICT_EXPOSED);
    }
    Ok(d)
}

pub fn obj_dict_set(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("cannot delete __dict__")) };
    if v.payload::<PyDict>().is_none() {
        return Err(type_error(format!("__dict__ must be set to a dictionary, not a '{}'", type_name(&v))));
    }
    let slot = match s.kind() {
        Kind::Instance => s.payload::<Instance>().map(|i| &i.dict),
        Kind::Exception => s.payload::<crate::objects::exception::PyException>().map(|e| &e.dict),
        Kind::Function => s.payload::<crate::objects::function::PyFunction>().map(|f| &f.dict),
        Kind::Native => crate::objects::native::native_dict_slot(s),
        _ => None,
    };
    match slot {
        Some(sl) => {
            let old = sl.replace(Some(v));
            drop(old);
            Ok(())
        }
        None => Err(attribute_error(format!("'{}' object has no attribute '__dict__'", type_name(s)))),
    }
}

pub fn obj_weakref_get(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(crate::objects::weakref::first_weakref(s))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let o = &types().object;
    add_staticmethod(o, "__new__", object_new);
    add_method(o, "__init__", object_init);
    add_method(o, "__repr__", object_repr);
    add_method(o, "__str__", object_str);
    add_method(o, "__eq__", object_eq);
    add_method(o, "__ne__", object_ne);
    add_method(o, "__lt__", object_cmp_ni);
    add_method(o, "__le__", object_cmp_ni);
    add_method(o, "__gt__", object_cmp_ni);
    add_method(o, "__ge__", object_cmp_ni);
    add_method(o, "__hash__", object_hash);
    add_method(o, "__getattribute__", object_getattribute);
    add_method(o, "__setattr__", object_setattr);
    add_method(o, "__delattr__", object_delattr);
    add_method(o, "__dir__", object_dir);
    add_method(o, "__format__", object_format);
    add_classmethod(o, "__init_subclass__", object_init_subclass);
    add_classmethod(o, "__subclasshook__", object_subclasshook);
    add_method(o, "__sizeof__", crate::objects::sizeof::object_sizeof);
    add_method(o, "__reduce_ex__", reduce::object_reduce_ex);
    add_method(o, "__reduce__", reduce::object_reduce);
    add_method(o, "__getstate__", reduce::object_getstate);
    crate::objects::descr::add_getset(o, "__class__", object_class_get, Some(object_class_set));
    if let Some(t) = o.as_type() {
        t.dict.set_str(new_str("__doc__"), new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
    }
    OBJECT_SLOTS.init(|| ObjectSlots { new: object_slot("__new__"), init: object_slot("__init__") });
}
