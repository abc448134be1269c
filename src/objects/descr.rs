//! Descriptors: `property`, `staticmethod`, `classmethod`, `super` objects, getset
//! descriptors (native attributes of builtin types) and member descriptors (`__slots__`).

use std::cell::RefCell;

use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::{Value, layout};
use crate::vm::errors::{attribute_error, type_error};
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub mod super_;

pub struct PyProperty {
    pub fget: RefCell<Option<Value>>,
    pub fset: RefCell<Option<Value>>,
    pub fdel: RefCell<Option<Value>>,
    pub doc: RefCell<Option<Value>>,
    /// The attribute name (from `__set_name__`, else `fget.__name__`) for error messages.
    pub name: RefCell<Option<Value>>,
}
impl Trace for PyProperty {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for f in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            if let Some(v) = &*f.borrow() {
                visit(v);
            }
        }
    }
}

impl PyProperty {
    pub fn new(fget: Option<Value>, fset: Option<Value>, fdel: Option<Value>, doc: Option<Value>) -> PyProperty {
        PyProperty {
            fget: RefCell::new(fget),
            fset: RefCell::new(fset),
            fdel: RefCell::new(fdel),
            doc: RefCell::new(doc),
            name: RefCell::new(None),
        }
    }
}

pub struct PyStaticMethod(pub Value);
impl Trace for PyStaticMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

pub struct PyClassMethod(pub Value);
impl Trace for PyClassMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

pub struct PySuper {
    /// The class after which the MRO search starts.
    pub this_class: Value,
    /// The bound object (instance or class), if any.
    pub obj: Option<Value>,
    /// The type whose MRO is searched (type(obj), or obj itself for classes).
    pub obj_type: Option<Value>,
}
impl Trace for PySuper {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.this_class);
        for v in [&self.obj, &self.obj_type].into_iter().flatten() {
            visit(v);
        }
    }
}

/// Reads a native attribute of `obj`.
pub type Getter = fn(&mut Vm, &Value) -> PyResult;
/// Writes (`Some`) or deletes (`None`) a native attribute of `obj`.
pub type Setter = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// A native attribute of a builtin type (`type.__name__`, `object.__class__`, exception
/// `args`): always a data descriptor.
pub struct PyGetSet {
    pub name: &'static str,
    /// The type whose dict holds it (its name is used in messages).
    pub owner: Value,
    pub get: Getter,
    pub set: Option<Setter>,
}
impl Trace for PyGetSet {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.owner);
    }
}

/// A `__slots__` entry: index into `Instance::slots`.
pub struct PyMemberDescr {
    pub name: Value,
    pub index: usize,
    pub owner: Value,
}
impl Trace for PyMemberDescr {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.owner);
    }
}

/// Adds a native attribute to a builtin (or heap) type's dict.
pub fn add_getset(ty: &Value, name: &'static str, get: Getter, set: Option<Setter>) {
    let d = layout::alloc(&types().getset_descriptor, PyGetSet { name, owner: ty.clone(), get, set });
    if let Some(tp) = ty.as_type() {
        tp.dict.set_str(new_str(name), d);
        tp.modified();
    }
}

fn owner_name(owner: &Value) -> String {
    owner.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
}

impl PyGetSet {
    pub fn get(&self, vm: &mut Vm, obj: &Value) -> PyResult {
        if !is_subtype(obj.type_of(), &self.owner) {
            return Err(type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.name,
                owner_name(&self.owner),
                type_name(obj)
            )));
        }
        (self.get)(vm, obj)
    }
    pub fn set(&self, vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
        match self.set {
            Some(s) => s(vm, obj, value),
            None => Err(attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                self.name,
                owner_name(&self.owner)
            ))),
        }
    }
}

impl PyMemberDescr {
    fn check(&self, obj: &Value) -> PyResult<()> {
        if !is_subtype(obj.type_of(), &self.owner) {
            return Err(type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.name.as_str().unwrap_or(""),
                owner_name(&self.owner),
                type_name(obj)
            )));
        }
        Ok(())
    }
    pub fn get(&self, obj: &Value) -> PyResult {
        self.check(obj)?;
        let inst = obj.payload::<crate::objects::instance::Instance>();
        match inst.and_then(|i| i.slots.get(self.index)).and_then(|s| s.borrow().clone()) {
            Some(v) => Ok(v),
            None => Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_name(obj),
                self.name.as_str().unwrap_or("")
            ))),
        }
    }
    pub fn set(&self, obj: &Value, value: Option<Value>) -> PyResult<()> {
        self.check(obj)?;
        let inst = obj.payload::<crate::objects::instance::Instance>();
        let Some(slot) = inst.and_then(|i| i.slots.get(self.index)) else {
            return Err(type_error("slot layout mismatch"));
        };
        let deleting = value.is_none();
        let old = slot.replace(value);
        if deleting && old.is_none() {
            return Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_name(obj),
                self.name.as_str().unwrap_or("")
            )));
        }
        drop(old);
        Ok(())
    }
}

// ---- property ----

fn prop_of(v: &Value) -> PyResult<&PyProperty> {
    v.downcast::<PyProperty>().ok_or_else(|| type_error("descriptor requires a 'property' object"))
}

/// The name used in property error messages.
fn prop_name(vm: &mut Vm, p: &PyProperty) -> Option<String> {
    if let Some(n) = p.name.borrow().as_ref() {
        return n.as_str().map(str::to_owned);
    }
    let g = p.fget.borrow().clone()?;
    let n = vm.getattr_opt(&g, "__name__").ok().flatten()?;
    n.as_str().map(str::to_owned)
}

fn prop_missing(vm: &mut Vm, p: &PyProperty, obj: &Value, what: &str) -> crate::vm::PyErr {
    match prop_name(vm, p) {
        Some(n) => attribute_error(format!("property '{n}' of '{}' object has no {what}", type_name(obj))),
        None => attribute_error(format!("property of '{}' object has no {what}", type_name(obj))),
    }
}

impl PyProperty {
    pub fn get(&self, vm: &mut Vm, obj: &Value) -> PyResult {
        let g = self.fget.borrow().clone();
        match g {
            Some(g) => vm.call(&g, Args::positional_only(std::slice::from_ref(obj))),
            None => Err(prop_missing(vm, self, obj, "getter")),
        }
    }
    pub fn set(&self, vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
        let f = if value.is_some() { self.fset.borrow().clone() } else { self.fdel.borrow().clone() };
        let Some(f) = f else {
            return Err(prop_missing(vm, self, obj, if value.is_some() { "setter" } else { "deleter" }));
        };
        let mut argv = vec![obj.clone()];
        argv.extend(value);
        vm.call(&f, Args::positional_only(&argv))?;
        Ok(())
    }
}

fn opt(v: Option<Value>) -> Option<Value> {
    v.filter(|x| !x.is_none())
}

fn property_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().ok_or_else(|| type_error("property.__new__(): not enough arguments"))?;
    let p = PyProperty::new(None, None, None, None);
    let base = layout::alloc(&types().property, p);
    Ok(crate::objects::instance::wrap_builtin(&cls, base))
}

fn property_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().cloned().ok_or_else(|| type_error("property.__init__ needs self"))?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("property", &["fget", "fset", "fdel", "doc"], 0)?;
    let p = prop_of(&s)?;
    let mut a = a.into_iter();
    let fget = opt(a.next().flatten());
    *p.fset.borrow_mut() = opt(a.next().flatten());
    *p.fdel.borrow_mut() = opt(a.next().flatten());
    let mut doc = opt(a.next().flatten());
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = vm.getattr_opt(g, "__doc__")?.filter(|d| !d.is_none());
        }
    }
    *p.fget.borrow_mut() = fget;
    // A subclass instance keeps its doc in its own __dict__, as CPython does.
    if s.kind() == crate::values::Kind::Instance {
        if let Some(d) = doc {
            if let Some(dict) = crate::vm::protocol::instance_dict_create(&s) {
                if let Some(dd) = dict.payload::<crate::objects::dict::PyDict>() {
                    dd.set_str(new_str("__doc__"), d);
                }
            }
        }
    } else {
        *p.doc.borrow_mut() = doc;
    }
    Ok(none())
}

fn property_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    prop_of(&a[0])?.get(vm, &a[1])
}
fn property_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, o, v] = args.exact::<3>("__set__")?;
    prop_of(s)?.set(vm, o, Some(v.clone()))?;
    Ok(none())
}
fn property_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, o] = args.exact::<2>("__delete__")?;
    prop_of(s)?.set(vm, o, None)?;
    Ok(none())
}
fn property_set_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, _owner, name] = args.exact::<3>("__set_name__")?;
    *prop_of(s)?.name.borrow_mut() = Some(name.clone());
    Ok(none())
}

/// `getter`/`setter`/`deleter`: a copy of the property with one accessor replaced.
fn property_copy(vm: &mut Vm, s: &Value, which: usize, f: &Value) -> PyResult {
    let p = prop_of(s)?;
    let mut fs = [p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone()];
    fs[which] = Some(f.clone());
    let doc = p.doc.borrow().clone();
    let argv: Vec<Value> = fs.into_iter().map(|x| x.unwrap_or_else(none)).chain([doc.unwrap_or_else(none)]).collect();
    let r = vm.call(s.type_of(), Args::positional_only(&argv))?;
    if let (Ok(np), Some(n)) = (prop_of(&r), p.name.borrow().clone()) {
        *np.name.borrow_mut() = Some(n);
    }
    Ok(r)
}
fn property_getter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, f] = args.exact::<2>("getter")?;
    property_copy(vm, s, 0, f)
}
fn property_setter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, f] = args.exact::<2>("setter")?;
    property_copy(vm, s, 1, f)
}
fn property_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, f] = args.exact::<2>("deleter")?;
    property_copy(vm, s, 2, f)
}
fn prop_fget(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(prop_of(s)?.fget.borrow().clone().unwrap_or_else(none))
}
fn prop_fset(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(prop_of(s)?.fset.borrow().clone().unwrap_or_else(none))
}
fn prop_fdel(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(prop_of(s)?.fdel.borrow().clone().unwrap_or_else(none))
}
fn prop_doc(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(prop_of(s)?.doc.borrow().clone().unwrap_or_else(none))
}
fn prop_set_doc(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    *prop_of(s)?.doc.borrow_mut() = v;
    Ok(())
}
fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    match vm.getattr_opt(f, "__isabstractmethod__")? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}
fn prop_isabstract(vm: &mut Vm, s: &Value) -> PyResult {
    let p = prop_of(s)?;
    let fs = [p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone()];
    for f in fs.into_iter().flatten() {
        if is_abstract(vm, &f)? {
            return Ok(crate::objects::true_());
        }
    }
    Ok(crate::objects::false_())
}

// ---- staticmethod / classmethod ----

fn wrapped_of(v: &Value) -> Option<Value> {
    if let Some(s) = v.downcast::<PyStaticMethod>() {
        return Some(s.0.clone());
    }
    v.downcast::<PyClassMethod>().map(|c| c.0.clone())
}

fn staticmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let (Some(cls), Some(f)) = (p.first(), p.get(1)) else {
        return Err(type_error(format!("staticmethod expected 1 argument, got {}", p.len().saturating_sub(1))));
    };
    if p.len() > 2 {
        return Err(type_error(format!("staticmethod expected 1 argument, got {}", p.len() - 1)));
    }
    let base = layout::alloc(&types().staticmethod, PyStaticMethod(f.clone()));
    Ok(crate::objects::instance::wrap_builtin(cls, base))
}
fn classmethod_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let (Some(cls), Some(f)) = (p.first(), p.get(1)) else {
        return Err(type_error(format!("classmethod expected 1 argument, got {}", p.len().saturating_sub(1))));
    };
    if p.len() > 2 {
        return Err(type_error(format!("classmethod expected 1 argument, got {}", p.len() - 1)));
    }
    let base = layout::alloc(&types().classmethod, PyClassMethod(f.clone()));
    Ok(crate::objects::instance::wrap_builtin(cls, base))
}
fn sm_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}
fn wrapped_func(_vm: &mut Vm, s: &Value) -> PyResult {
    wrapped_of(s).ok_or_else(|| type_error("expected a staticmethod or classmethod"))
}
fn wrapped_isabstract(vm: &mut Vm, s: &Value) -> PyResult {
    let f = wrapped_func(vm, s)?;
    Ok(crate::objects::py_bool(is_abstract(vm, &f)?))
}
/// `__name__`, `__doc__`, `__qualname__`, `__module__` read through to the wrapped function.
fn wrapped_attr(vm: &mut Vm, s: &Value, name: &str) -> PyResult {
    let f = wrapped_func(vm, s)?;
    Ok(vm.getattr_opt(&f, name)?.unwrap_or_else(none))
}
fn wrapped_name(vm: &mut Vm, s: &Value) -> PyResult {
    wrapped_attr(vm, s, "__name__")
}
fn wrapped_qualname(vm: &mut Vm, s: &Value) -> PyResult {
    wrapped_attr(vm, s, "__qualname__")
}
fn wrapped_doc(vm: &mut Vm, s: &Value) -> PyResult {
    wrapped_attr(vm, s, "__doc__")
}
fn staticmethod_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("__get__", 2, 3)?;
    wrapped_of(&a[0]).ok_or_else(|| type_error("expected a staticmethod"))
}
fn staticmethod_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().cloned().ok_or_else(|| type_error("staticmethod.__call__ needs self"))?;
    let f = wrapped_of(&s).ok_or_else(|| type_error("expected a staticmethod"))?;
    vm.call(&f, Args::new(&args.values[1..], args.kwnames))
}
fn classmethod_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("__get__", 2, 3)?;
    let cls = match a.get(2) {
        Some(t) if !t.is_none() => t.clone(),
        _ => a[1].type_of().clone(),
    };
    let f = wrapped_of(&a[0]).ok_or_else(|| type_error("expected a classmethod"))?;
    vm.bind_classmethod(&f, cls)
}
fn sm_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let f = wrapped_func(vm, s)?;
    let r = vm.repr_string(&f)?;
    Ok(new_str(format!("<{}({r})>", type_name(s))))
}

// ---- getset / member descriptors ----

fn getset_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    if let Some(g) = a[0].payload::<PyGetSet>() {
        return g.get(vm, &a[1]);
    }
    match a[0].payload::<PyMemberDescr>() {
        Some(m) => m.get(&a[1]),
        None => Err(type_error("expected a descriptor")),
    }
}
fn getset_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [d, o, v] = args.exact::<3>("__set__")?;
    descr_set(vm, d, o, Some(v.clone()))?;
    Ok(none())
}
fn getset_delete(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [d, o] = args.exact::<2>("__delete__")?;
    descr_set(vm, d, o, None)?;
    Ok(none())
}
fn descr_set(vm: &mut Vm, d: &Value, o: &Value, v: Option<Value>) -> PyResult<()> {
    if let Some(g) = d.payload::<PyGetSet>() {
        return g.set(vm, o, v);
    }
    match d.payload::<PyMemberDescr>() {
        Some(m) => m.set(o, v),
        None => Err(type_error("expected a descriptor")),
    }
}
fn getset_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [d] = args.exact::<1>("__repr__")?;
    if let Some(g) = d.payload::<PyGetSet>() {
        return Ok(new_str(format!("<attribute '{}' of '{}' objects>", g.name, owner_name(&g.owner))));
    }
    match d.payload::<PyMemberDescr>() {
        Some(m) => {
            Ok(new_str(format!("<member '{}' of '{}' objects>", m.name.as_str().unwrap_or(""), owner_name(&m.owner))))
        }
        None => Err(type_error("expected a descriptor")),
    }
}
fn descr_name(_vm: &mut Vm, d: &Value) -> PyResult {
    if let Some(g) = d.payload::<PyGetSet>() {
        return Ok(new_str(g.name));
    }
    d.payload::<PyMemberDescr>().map(|m| m.name.clone()).ok_or_else(|| type_error("expected a descriptor"))
}
fn descr_objclass(_vm: &mut Vm, d: &Value) -> PyResult {
    if let Some(g) = d.payload::<PyGetSet>() {
        return Ok(g.owner.clone());
    }
    d.payload::<PyMemberDescr>().map(|m| m.owner.clone()).ok_or_else(|| type_error("expected a descriptor"))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    let p = &t.property;
    add_staticmethod(p, "__new__", property_new);
    add_method(p, "__init__", property_init);
    add_method(p, "__get__", property_get);
    add_method(p, "__set__", property_set);
    add_method(p, "__delete__", property_delete);
    add_method(p, "__set_name__", property_set_name);
    add_method(p, "getter", property_getter);
    add_method(p, "setter", property_setter);
    add_method(p, "deleter", property_deleter);
    add_getset(p, "fget", prop_fget, None);
    add_getset(p, "fset", prop_fset, None);
    add_getset(p, "fdel", prop_fdel, None);
    add_getset(p, "__doc__", prop_doc, Some(prop_set_doc));
    add_getset(p, "__isabstractmethod__", prop_isabstract, None);

    for (ty, new) in [(&t.staticmethod, staticmethod_new as crate::vm::NativeFn), (&t.classmethod, classmethod_new)] {
        add_staticmethod(ty, "__new__", new);
        add_method(ty, "__init__", sm_init);
        add_method(ty, "__repr__", sm_repr);
        add_getset(ty, "__func__", wrapped_func, None);
        add_getset(ty, "__wrapped__", wrapped_func, None);
        add_getset(ty, "__isabstractmethod__", wrapped_isabstract, None);
        add_getset(ty, "__name__", wrapped_name, None);
        add_getset(ty, "__qualname__", wrapped_qualname, None);
        add_getset(ty, "__doc__", wrapped_doc, None);
    }
    add_method(&t.staticmethod, "__get__", staticmethod_get);
    add_method(&t.staticmethod, "__call__", staticmethod_call);
    add_method(&t.classmethod, "__get__", classmethod_get);

    for ty in [&t.getset_descriptor, &t.member_descriptor] {
        add_method(ty, "__get__", getset_get);
        add_method(ty, "__set__", getset_set);
        add_method(ty, "__delete__", getset_delete);
        add_method(ty, "__repr__", getset_repr);
        add_getset(ty, "__name__", descr_name, None);
        add_getset(ty, "__qualname__", descr_name, None);
        add_getset(ty, "__objclass__", descr_objclass, None);
    }
    super_::init();
}
