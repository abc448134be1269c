//! Attribute access: `getattr`/`setattr`/`delattr` with the descriptor protocol, user
//! `__getattribute__`/`__getattr__`/`__setattr__`/`__delattr__`, class and module
//! attributes, and CPython's AttributeError messages.

use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
use crate::objects::descr::{PyClassMethod, PyGetSet, PyMemberDescr, PyProperty, PyStaticMethod};
use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::str::new_str;
use crate::objects::type_::{PyType, TF_CUSTOM_GETATTRIBUTE, TF_CUSTOM_SETATTR, TF_HAS_GETATTR};
use crate::objects::{registry::exc, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, attribute_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

fn type_flags(obj: &Value) -> u32 {
    obj.type_of().as_type().map_or(0, |t| t.flags.get())
}

impl Vm {
    /// `getattr(obj, name)` for a Rust string name.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = new_str(name);
        self.getattr(obj, &n)
    }

    /// `obj.name`: `type(obj).__getattribute__`, then `__getattr__` on AttributeError.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult {
        let Some(name_s) = name.as_str() else {
            return Err(type_error(format!("attribute name must be string, not '{}'", type_name(name))));
        };
        let flags = type_flags(obj);
        if flags & (TF_CUSTOM_GETATTRIBUTE | TF_HAS_GETATTR) == 0 {
            let hash = name.payload::<crate::objects::str::PyStr>().map(|s| s.hash());
            let r = match obj.kind() {
                Kind::Instance | Kind::Function => self.generic_getattr_h(obj, name_s, hash)?,
                // Module attributes by the name's cached hash; PEP 562 `__getattr__` on a miss.
                Kind::Module => match self.generic_getattr_h(obj, name_s, hash)? {
                    Some(v) => Some(v),
                    None => self.getattr_opt(obj, name_s)?,
                },
                _ => self.getattr_opt(obj, name_s)?,
            };
            return match r {
                Some(v) => Ok(v),
                None => Err(self.no_attribute(obj, name_s)),
            };
        }
        let r = if flags & TF_CUSTOM_GETATTRIBUTE != 0 {
            let ga = self.lookup_special(obj, "__getattribute__");
            match ga {
                Some(ga) => {
                    let argv = [obj.clone(), name.clone()];
                    self.call(&ga, Args::positional_only(&argv))
                }
                None => self.getattr_opt(obj, name_s).and_then(|o| o.ok_or_else(|| self.no_attribute(obj, name_s))),
            }
        } else {
            self.getattr_opt(obj, name_s).and_then(|o| o.ok_or_else(|| self.no_attribute(obj, name_s)))
        };
        match r {
            Err(e) if flags & TF_HAS_GETATTR != 0 && e.matches(&exc().attribute_error) => {
                match self.lookup_special(obj, "__getattr__") {
                    Some(ga) => {
                        let argv = [obj.clone(), name.clone()];
                        self.call(&ga, Args::positional_only(&argv))
                    }
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `getattr(obj, name, None)`-style lookup that runs the full protocol (including
    /// `__getattr__`) and absorbs only AttributeError.
    pub fn getattr_or_none(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&exc().attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The AttributeError for a missing attribute, worded as CPython does, with `name`
    /// and `obj` set (the traceback printer uses them for suggestions).
    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let msg = if let Some(t) = obj.as_type() {
            format!("type object '{}' has no attribute '{name}'", t.name.borrow())
        } else if let Some(m) = obj.payload::<crate::objects::module::PyModule>() {
            let mn = m.dict.payload::<PyDict>().and_then(|d| d.get_str("__name__"));
            // A module whose body is still running (`__spec__._initializing`).
            let initializing = m
                .dict
                .payload::<PyDict>()
                .and_then(|d| d.get_str("__spec__"))
                .and_then(|spec| instance_dict(&spec))
                .and_then(|d| d.payload::<PyDict>().and_then(|d| d.get_str("_initializing")))
                .is_some_and(|v| v.is(&crate::objects::true_()));
            // `pkg.sub` while `sub` is still initialising (a circular import).
            let sub_initializing = |mn: &str| {
                self.modules
                    .payload::<PyDict>()
                    .and_then(|d| d.get_str(&format!("{mn}.{name}")))
                    .and_then(|m| m.payload::<crate::objects::module::PyModule>().map(|p| p.dict.clone()))
                    .and_then(|d| d.payload::<PyDict>().and_then(|d| d.get_str("__spec__")))
                    .and_then(|spec| instance_dict(&spec))
                    .and_then(|d| d.payload::<PyDict>().and_then(|d| d.get_str("_initializing")))
                    .is_some_and(|v| v.is(&crate::objects::true_()))
            };
            match mn.as_ref().and_then(|v| v.as_str()) {
                Some(mn) if sub_initializing(mn) => {
                    format!("cannot access submodule '{name}' of module '{mn}' (most likely due to a circular import)")
                }
                Some(mn) if initializing => format!(
                    "partially initialized module '{mn}' has no attribute '{name}' (most likely due to a circular import)"
                ),
                Some(mn) => format!("module '{mn}' has no attribute '{name}'"),
                None => format!("module has no attribute '{name}'"),
            }
        } else {
            format!("'{}' object has no attribute '{name}'", type_name(obj))
        };
        let e = attribute_error(msg);
        crate::objects::exception::set_attr(&e.0, "name", new_str(name));
        crate::objects::exception::set_attr(&e.0, "obj", obj.clone());
        e
    }

    /// Attribute lookup without `__getattr__` and without a user `__getattribute__`
    /// (the native `__getattribute__` of the object's kind); `Ok(None)` when missing.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj.kind() {
            Kind::Type => self.type_getattr(obj, name),
            Kind::Super => self.super_getattr(obj, name),
            Kind::Module => {
                if let Some(v) = self.generic_getattr_opt(obj, name)? {
                    return Ok(Some(v));
                }
                // PEP 562: a module-level __getattr__.
                let ga = obj
                    .payload::<crate::objects::module::PyModule>()
                    .and_then(|m| m.dict.payload::<PyDict>().and_then(|d| d.get_str("__getattr__")));
                match ga {
                    Some(ga) => match self.call(&ga, Args::positional_only(&[new_str(name)])) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.matches(&exc().attribute_error) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Ok(None),
                }
            }
            // A bound method reads through to its function (`m.__wrapped__`, flags
            // decorators set on the function), as CPython's method_getattro.
            Kind::BoundMethod => {
                if let Some(v) = self.generic_getattr_opt(obj, name)? {
                    return Ok(Some(v));
                }
                let f = obj.payload::<PyBoundMethod>().map(|m| m.func.clone());
                match f {
                    Some(f) => self.getattr_opt(&f, name),
                    None => Ok(None),
                }
            }
            _ => self.generic_getattr_opt(obj, name),
        }
    }

    /// `object.__getattribute__`: data descriptors on the type, then the instance dict,
    /// then other class attributes (bound through `__get__`).
    pub fn generic_getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        self.generic_getattr_h(obj, name, None)
    }

    /// `generic_getattr_opt` with the name's str hash when known.
    fn generic_getattr_h(&mut self, obj: &Value, name: &str, hash: Option<i64>) -> PyResult<Option<Value>> {
        let ty = obj.type_of();
        let tattr = ty.as_type().and_then(|t| match hash {
            Some(h) => t.lookup_hashed(name, h),
            None => t.lookup(name),
        });
        if let Some(a) = &tattr {
            if self.is_data_descriptor(a) {
                let ty = ty.clone();
                return self.descr_get(a, Some(obj), &ty).map(Some);
            }
        }
        if let Some(d) = instance_dict(obj) {
            let hit = d.payload::<PyDict>().and_then(|d| match hash {
                Some(h) => d.get_str_hashed(name, h),
                None => d.get_str(name),
            });
            if let Some(v) = hit {
                return Ok(Some(v));
            }
        }
        match tattr {
            Some(a) => {
                let ty = obj.type_of().clone();
                self.descr_get(&a, Some(obj), &ty).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `type.__getattribute__`: data descriptors on the metatype, then the class's MRO
    /// (descriptors bound with no instance), then other metatype attributes.
    pub fn type_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let Some(tp) = obj.as_type() else { return self.generic_getattr_opt(obj, name) };
        let meta = obj.type_of().clone();
        let mattr = meta.as_type().and_then(|t| t.lookup(name));
        if let Some(a) = &mattr {
            if self.is_data_descriptor(a) {
                return self.descr_get(a, Some(obj), &meta).map(Some);
            }
        }
        if let Some(a) = tp.lookup(name) {
            return self.descr_get(&a, None, obj).map(Some);
        }
        match mattr {
            Some(a) => self.descr_get(&a, Some(obj), &meta).map(Some),
            None => Ok(None),
        }
    }

    /// Does `a`'s type define `__set__` or `__delete__` (property, slots, getsets, user
    /// data descriptors)?
    pub fn is_data_descriptor(&self, a: &Value) -> bool {
        match a.kind() {
            Kind::Property | Kind::GetSet | Kind::MemberDescr => true,
            Kind::Function | Kind::Builtin | Kind::SmallInt | Kind::Str | Kind::None => false,
            _ => {
                a.type_of().as_type().is_some_and(|t| t.lookup("__set__").is_some() || t.lookup("__delete__").is_some())
            }
        }
    }

    /// Applies the descriptor protocol to a class attribute `a` found on `owner`'s MRO,
    /// for `obj` (None when looked up on the class itself).
    pub fn descr_get(&mut self, a: &Value, obj: Option<&Value>, owner: &Value) -> PyResult {
        match a.kind() {
            Kind::Function => Ok(match obj {
                Some(o) => layout::alloc(&types().method, PyBoundMethod { func: a.clone(), self_: o.clone() }),
                None => a.clone(),
            }),
            Kind::Builtin => {
                let Some(b) = a.payload::<PyBuiltin>() else { return Ok(a.clone()) };
                if b.self_.is_some() {
                    return Ok(a.clone());
                }
                let bind = match b.kind {
                    BuiltinKind::Method => obj.cloned(),
                    BuiltinKind::ClassMethod => Some(match obj {
                        Some(o) if o.as_type().is_none() => o.type_of().clone(),
                        Some(o) => o.clone(),
                        None => owner.clone(),
                    }),
                    _ => None,
                };
                Ok(match bind {
                    Some(s) => layout::alloc(
                        &types().builtin_function,
                        PyBuiltin { name: b.name, func: b.func, kind: b.kind, self_: Some(s), owner: b.owner },
                    ),
                    None => a.clone(),
                })
            }
            Kind::StaticMethod => Ok(a.payload::<PyStaticMethod>().map(|s| s.0.clone()).unwrap_or_else(|| a.clone())),
            Kind::ClassMethod => {
                let f = a.payload::<PyClassMethod>().map(|s| s.0.clone()).unwrap_or_else(|| a.clone());
                let cls = match obj {
                    Some(o) if o.as_type().is_none() => o.type_of().clone(),
                    Some(o) => o.clone(),
                    None => owner.clone(),
                };
                self.bind_classmethod(&f, cls)
            }
            Kind::Property => match obj {
                None => Ok(a.clone()),
                Some(o) => match a.payload::<PyProperty>() {
                    Some(p) => p.get(self, o),
                    None => Ok(a.clone()),
                },
            },
            Kind::GetSet => match (obj, a.payload::<PyGetSet>()) {
                (Some(o), Some(g)) => g.get(self, o),
                _ => Ok(a.clone()),
            },
            Kind::MemberDescr => match (obj, a.payload::<PyMemberDescr>()) {
                (Some(o), Some(m)) => m.get(o),
                _ => Ok(a.clone()),
            },
            Kind::SmallInt | Kind::Str | Kind::None | Kind::Int | Kind::Float | Kind::Bool | Kind::Tuple => {
                Ok(a.clone())
            }
            _ => match self.lookup_special(a, "__get__") {
                Some(g) => {
                    let argv = [a.clone(), obj.cloned().unwrap_or_else(crate::objects::none), owner.clone()];
                    self.call(&g, Args::positional_only(&argv))
                }
                None => Ok(a.clone()),
            },
        }
    }

    /// What `classmethod(f).__get__` returns for class `cls`: a method bound to the class,
    /// or, for a wrapped descriptor, its `__get__(cls, type(cls))`.
    pub fn bind_classmethod(&mut self, f: &Value, cls: Value) -> PyResult {
        match f.kind() {
            Kind::Function | Kind::Builtin | Kind::BoundMethod => {
                Ok(layout::alloc(&types().method, PyBoundMethod { func: f.clone(), self_: cls }))
            }
            _ => match self.lookup_special(f, "__get__") {
                Some(g) => {
                    let meta = cls.type_of().clone();
                    let argv = [f.clone(), cls, meta];
                    self.call(&g, Args::positional_only(&argv))
                }
                None => Ok(layout::alloc(&types().method, PyBoundMethod { func: f.clone(), self_: cls })),
            },
        }
    }

    /// `obj.name = value`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let Some(name_s) = name.as_str() else {
            return Err(type_error(format!("attribute name must be string, not '{}'", type_name(name))));
        };
        if type_flags(obj) & TF_CUSTOM_SETATTR != 0 {
            if let Some(sa) = self.lookup_special(obj, "__setattr__") {
                if sa.kind() != Kind::Builtin || obj.kind() == Kind::WeakRef {
                    let argv = [obj.clone(), name.clone(), value];
                    self.call(&sa, Args::positional_only(&argv))?;
                    return Ok(());
                }
            }
        }
        let name_s = name_s.to_owned();
        self.generic_setattr(obj, name, &name_s, Some(value))
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let Some(name_s) = name.as_str() else {
            return Err(type_error(format!("attribute name must be string, not '{}'", type_name(name))));
        };
        let name_s = name_s.to_owned();
        if type_flags(obj) & TF_CUSTOM_SETATTR != 0 {
            if let Some(da) = self.lookup_special(obj, "__delattr__") {
                if da.kind() != Kind::Builtin || obj.kind() == Kind::WeakRef {
                    let argv = [obj.clone(), name.clone()];
                    self.call(&da, Args::positional_only(&argv))?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, &name_s, None)
    }

    /// `object.__setattr__` / `object.__delattr__` (value `None` deletes), and
    /// `type.__setattr__` for classes.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, name_s: &str, value: Option<Value>) -> PyResult<()> {
        let ty = obj.type_of().clone();
        let hash = name.payload::<crate::objects::str::PyStr>().filter(|s| s.as_str() == name_s).map(|s| s.hash());
        let found = ty.as_type().and_then(|t| match hash {
            Some(h) => t.lookup_hashed(name_s, h),
            None => t.lookup(name_s),
        });
        if let Some(a) = found {
            match a.kind() {
                Kind::Property => {
                    if let Some(p) = a.payload::<PyProperty>() {
                        return p.set(self, obj, value);
                    }
                }
                Kind::GetSet => {
                    if let Some(g) = a.payload::<PyGetSet>() {
                        return g.set(self, obj, value);
                    }
                }
                Kind::MemberDescr => {
                    if let Some(m) = a.payload::<PyMemberDescr>() {
                        return m.set(obj, value);
                    }
                }
                Kind::Function | Kind::Builtin | Kind::SmallInt | Kind::Str | Kind::None => {}
                _ => {
                    let dname = if value.is_some() { "__set__" } else { "__delete__" };
                    if let Some(s) = self.lookup_special(&a, dname) {
                        let mut argv = vec![a.clone(), obj.clone()];
                        argv.extend(value);
                        self.call(&s, Args::positional_only(&argv))?;
                        return Ok(());
                    }
                    if self.is_data_descriptor(&a) {
                        return Err(attribute_error(if value.is_some() { "__set__" } else { "__delete__" }));
                    }
                }
            }
        }
        if let Some(tp) = obj.as_type() {
            return self.type_setattr_dict(obj, tp, name, name_s, value);
        }
        let Some(d) = instance_dict_create(obj) else {
            return Err(self.no_attribute(obj, name_s));
        };
        let Some(dd) = d.payload::<PyDict>() else { return Err(type_error("instance __dict__ is not a dict")) };
        match value {
            Some(v) => {
                if name.payload::<crate::objects::str::PyStr>().is_some() {
                    dd.set_str(name.clone(), v)
                } else {
                    dd.set(self, new_str(name_s), v)?
                }
            }
            None => {
                if dd.remove(self, name)?.is_none() {
                    return Err(self.no_attribute(obj, name_s));
                }
            }
        }
        Ok(())
    }

    /// Stores into (or deletes from) a class's own dict, renewing its version.
    fn type_setattr_dict(
        &mut self,
        obj: &Value,
        tp: &PyType,
        name: &Value,
        name_s: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        if !tp.is_heap() {
            let verb = if value.is_some() { "set" } else { "delete" };
            return Err(type_error(format!(
                "cannot {verb} '{name_s}' attribute of immutable type '{}'",
                tp.name.borrow()
            )));
        }
        let key = if name.payload::<crate::objects::str::PyStr>().is_some() { name.clone() } else { new_str(name_s) };
        match value {
            Some(v) => tp.dict.set_str(key, v),
            None => {
                if tp.dict.remove(self, &key)?.is_none() {
                    return Err(self.no_attribute(obj, name_s));
                }
            }
        }
        tp.modified();
        Ok(())
    }
}

/// The instance `__dict__` of `obj`, if it has one already.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    match obj.kind() {
        Kind::Instance => obj.payload::<crate::objects::instance::Instance>()?.dict.borrow().clone(),
        Kind::Module => Some(obj.payload::<crate::objects::module::PyModule>()?.dict.clone()),
        Kind::Function => obj.payload::<crate::objects::function::PyFunction>()?.dict.borrow().clone(),
        Kind::Exception => obj.payload::<crate::objects::exception::PyException>()?.dict.borrow().clone(),
        Kind::Native => crate::objects::native::native_dict_slot(obj)?.borrow().clone(),
        _ => None,
    }
}

/// The instance `__dict__` of `obj`, created on first use; `None` if it cannot have one.
pub fn instance_dict_create(obj: &Value) -> Option<Value> {
    let slot = match obj.kind() {
        Kind::Instance => {
            let inst = obj.payload::<crate::objects::instance::Instance>()?;
            if !obj.type_of().as_type().is_some_and(|t| t.has_dict.get()) {
                return None;
            }
            &inst.dict
        }
        Kind::Module => return Some(obj.payload::<crate::objects::module::PyModule>()?.dict.clone()),
        Kind::Function => &obj.payload::<crate::objects::function::PyFunction>()?.dict,
        Kind::Exception => &obj.payload::<crate::objects::exception::PyException>()?.dict,
        Kind::Native => crate::objects::native::native_dict_slot(obj)?,
        _ => return None,
    };
    let mut s = slot.borrow_mut();
    if s.is_none() {
        *s = Some(layout::alloc(&types().dict, PyDict::new()));
    }
    s.clone()
}
