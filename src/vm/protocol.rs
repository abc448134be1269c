//! The object protocols every part of the VM goes through: attribute access with
//! descriptors, subscripts, iteration, hashing, equality, truth, `repr`/`str`, and
//! `isinstance`. Fast paths for builtin kinds first, then lookup of dunders on the type.

use crate::bytecode::opcode::CmpOp;
use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::str::{PyStr, new_str};
use crate::objects::type_::PyType;
use crate::objects::types;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{attribute_error, type_error};
use crate::vm::{Args, PyResult, Vm};

/// Is `t` the class `cls` or a subclass of it (by MRO)?
pub fn is_subtype(t: &Value, cls: &Value) -> bool {
    if t.is(cls) {
        return true;
    }
    match t.as_type() {
        Some(tp) => tp.mro.borrow().iter().any(|m| m.is(cls)),
        None => false,
    }
}

/// The type's name (`__name__`).
pub fn type_name(v: &Value) -> String {
    v.type_of().as_type().map(|t| t.name.borrow().clone()).unwrap_or_else(|| "?".into())
}

impl Vm {
    /// Looks a special method up on the object's type (never the instance), unbound.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        v.type_of().as_type()?.lookup(name)
    }

    /// Calls a special method found on the type with `v` as self; `None` if absent.
    pub fn call_special(&mut self, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(f) = self.lookup_special(v, name) else { return Ok(None) };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v.clone());
        all.extend_from_slice(args);
        self.call(&f, Args::positional_only(&all)).map(Some)
    }

    /// `getattr(obj, name)` for a Rust string name.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = new_str(name);
        self.getattr(obj, &n)
    }

    /// `obj.name` (generic attribute lookup with descriptors, then `__getattr__`).
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult {
        let name_s = name.as_str().ok_or_else(|| type_error("attribute name must be string"))?;
        match self.getattr_opt(obj, name_s)? {
            Some(v) => Ok(v),
            None => {
                if let Some(ga) = self.lookup_special(obj, "__getattr__") {
                    let argv = [obj.clone(), name.clone()];
                    return self.call(&ga, Args::positional_only(&argv));
                }
                Err(self.no_attribute(obj, name_s))
            }
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> crate::vm::PyErr {
        if let Some(t) = obj.as_type() {
            return attribute_error(format!("type object '{}' has no attribute '{name}'", t.name.borrow()));
        }
        if let Some(m) = obj.payload::<crate::objects::module::PyModule>() {
            let mn = m.dict.payload::<PyDict>().and_then(|d| d.get_str("__name__"));
            let mn = mn.as_ref().and_then(|v| v.as_str()).unwrap_or("?").to_owned();
            return attribute_error(format!("module '{mn}' has no attribute '{name}'"));
        }
        attribute_error(format!("'{}' object has no attribute '{name}'", type_name(obj)))
    }

    /// Attribute lookup without the `__getattr__` fallback; `Ok(None)` when missing.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some(tp) = obj.as_type() {
            return self.type_getattr(obj, tp, name);
        }
        let ty = obj.type_of().clone();
        let tattr = ty.as_type().and_then(|t| t.lookup(name));
        if let Some(a) = &tattr {
            if self.is_data_descriptor(a) {
                return self.descr_get(a, Some(obj), &ty).map(Some);
            }
        }
        if let Some(d) = instance_dict(obj) {
            if let Some(v) = d.payload::<PyDict>().and_then(|d| d.get_str(name)) {
                return Ok(Some(v));
            }
        }
        match tattr {
            Some(a) => self.descr_get(&a, Some(obj), &ty).map(Some),
            None => Ok(None),
        }
    }

    fn type_getattr(&mut self, obj: &Value, tp: &PyType, name: &str) -> PyResult<Option<Value>> {
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

    /// Does `a`'s type define `__set__` or `__delete__` (property, slots, user data
    /// descriptors)?
    pub fn is_data_descriptor(&self, a: &Value) -> bool {
        match a.kind() {
            Kind::Property => true,
            Kind::Instance => {
                a.type_of().as_type().is_some_and(|t| t.lookup("__set__").is_some() || t.lookup("__delete__").is_some())
            }
            _ => false,
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
                    BuiltinKind::ClassMethod => Some(owner.clone()),
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
            Kind::StaticMethod => Ok(a
                .payload::<crate::objects::descr::PyStaticMethod>()
                .map(|s| s.0.clone())
                .unwrap_or_else(|| a.clone())),
            Kind::ClassMethod => {
                let f = a
                    .payload::<crate::objects::descr::PyClassMethod>()
                    .map(|s| s.0.clone())
                    .unwrap_or_else(|| a.clone());
                let cls = match obj {
                    Some(o) if o.as_type().is_none() => o.type_of().clone(),
                    Some(o) => o.clone(),
                    None => owner.clone(),
                };
                Ok(layout::alloc(&types().method, PyBoundMethod { func: f, self_: cls }))
            }
            Kind::Property => match obj {
                None => Ok(a.clone()),
                Some(o) => {
                    let p = a.payload::<crate::objects::descr::PyProperty>();
                    match p.and_then(|p| p.fget.clone()) {
                        Some(g) => self.call(&g, Args::positional_only(std::slice::from_ref(o))),
                        None => Err(attribute_error("property has no getter")),
                    }
                }
            },
            Kind::Instance => match self.lookup_special(a, "__get__") {
                Some(g) => {
                    let argv = [a.clone(), obj.cloned().unwrap_or_else(crate::objects::none), owner.clone()];
                    self.call(&g, Args::positional_only(&argv))
                }
                None => Ok(a.clone()),
            },
            _ => Ok(a.clone()),
        }
    }

    /// `obj.name = value`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let name_s = name.as_str().ok_or_else(|| type_error("attribute name must be string"))?;
        if let Some(sa) = self.lookup_special(obj, "__setattr__") {
            if sa.kind() != Kind::Builtin {
                let argv = [obj.clone(), name.clone(), value];
                self.call(&sa, Args::positional_only(&argv))?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, name_s, Some(value))
    }

    /// `object.__setattr__` / `object.__delattr__` (value `None` deletes).
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, name_s: &str, value: Option<Value>) -> PyResult<()> {
        let ty = obj.type_of().clone();
        if let Some(a) = ty.as_type().and_then(|t| t.lookup(name_s)) {
            if let Some(p) = a.payload::<crate::objects::descr::PyProperty>() {
                let f = if value.is_some() { p.fset.clone() } else { p.fdel.clone() };
                let Some(f) = f else {
                    return Err(attribute_error(format!(
                        "can't {} attribute '{name_s}'",
                        if value.is_some() { "set" } else { "delete" }
                    )));
                };
                let mut argv = vec![obj.clone()];
                argv.extend(value);
                self.call(&f, Args::positional_only(&argv))?;
                return Ok(());
            }
            if a.kind() == Kind::Instance {
                let dname = if value.is_some() { "__set__" } else { "__delete__" };
                if let Some(s) = self.lookup_special(&a, dname) {
                    let mut argv = vec![a.clone(), obj.clone()];
                    argv.extend(value);
                    self.call(&s, Args::positional_only(&argv))?;
                    return Ok(());
                }
            }
        }
        if let Some(tp) = obj.as_type() {
            match value {
                Some(v) => tp.dict.set_str(name.clone(), v),
                None => {
                    if tp.dict.remove(self, name)?.is_none() {
                        return Err(self.no_attribute(obj, name_s));
                    }
                }
            }
            tp.version.set(crate::objects::type_::next_version());
            return Ok(());
        }
        let d = match instance_dict_create(obj) {
            Some(d) => d,
            None => {
                return Err(attribute_error(format!("'{}' object has no attribute '{name_s}'", type_name(obj))));
            }
        };
        let dd = d.payload::<PyDict>().expect("dict");
        match value {
            Some(v) => dd.set_str(name.clone(), v),
            None => {
                if dd.remove(self, name)?.is_none() {
                    return Err(self.no_attribute(obj, name_s));
                }
            }
        }
        Ok(())
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let name_s = name.as_str().ok_or_else(|| type_error("attribute name must be string"))?.to_owned();
        if let Some(da) = self.lookup_special(obj, "__delattr__") {
            if da.kind() != Kind::Builtin {
                let argv = [obj.clone(), name.clone()];
                self.call(&da, Args::positional_only(&argv))?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, &name_s, None)
    }

    /// Truth value (`bool(v)`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(i) = v.as_small() {
            return Ok(i != 0);
        }
        match v.kind() {
            Kind::Bool => return Ok(v.is_true_singleton()),
            Kind::None => return Ok(false),
            Kind::Str => return Ok(v.payload::<PyStr>().is_some_and(|s| !s.as_str().is_empty())),
            Kind::List => {
                return Ok(v.payload::<crate::objects::list::PyList>().is_some_and(|l| !l.0.borrow().is_empty()));
            }
            Kind::Tuple => return Ok(v.as_tuple().is_some_and(|t| !t.is_empty())),
            Kind::Dict => return Ok(v.payload::<PyDict>().is_some_and(|d| !d.is_empty())),
            Kind::Float => return Ok(v.as_float().is_some_and(|f| f != 0.0)),
            _ => {}
        }
        if let Some(r) = self.call_special(v, "__bool__", &[])? {
            return match r.kind() {
                Kind::Bool => Ok(r.is_true_singleton()),
                _ => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&r)))),
            };
        }
        if let Some(r) = self.call_special(v, "__len__", &[])? {
            let n = crate::objects::int::to_i64(&r)
                .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r))))?;
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small() {
            return Ok(crate::vm::ops::hash_i64(i));
        }
        if let Some(s) = v.payload::<PyStr>() {
            return Ok(s.hash());
        }
        if let Some(h) = crate::objects::int::fast_hash(v) {
            return Ok(h);
        }
        match self.lookup_special(v, "__hash__") {
            Some(h) if !h.is_none() => {
                let r = self.call(&h, Args::positional_only(std::slice::from_ref(v)))?;
                crate::objects::int::to_i64(&r)
                    .map(|h| if h == -1 { -2 } else { h })
                    .ok_or_else(|| type_error("__hash__ method should return an integer"))
            }
            _ => Err(type_error(format!("unhashable type: '{}'", type_name(v)))),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::objects::dict::simple_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_str().unwrap_or("").to_owned())
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.payload::<PyStr>() {
            return Ok(s.as_str().to_owned());
        }
        let r = self.str(v)?;
        Ok(r.as_str().unwrap_or("").to_owned())
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult {
        match self.call_special(v, "__repr__", &[])? {
            Some(r) if r.as_str().is_some() => Ok(r),
            Some(r) => Err(type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
            None => Ok(new_str(format!("<{} object at {:#x}>", type_name(v), v.bits()))),
        }
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult {
        if v.kind() == Kind::Str {
            return Ok(v.clone());
        }
        match self.call_special(v, "__str__", &[])? {
            Some(r) if r.as_str().is_some() => Ok(r),
            Some(r) => Err(type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
            None => self.repr(v),
        }
    }

    /// `isinstance(v, cls)` for a single class (tuples and `__instancecheck__` are the
    /// builtin's business).
    pub fn isinstance(&self, v: &Value, cls: &Value) -> bool {
        is_subtype(v.type_of(), cls)
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, Args::positional_only(args))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult {
        if let Some(r) = self.call_special(v, "__iter__", &[])? {
            return Ok(r);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            return crate::objects::iter::seq_iter(v.clone());
        }
        Err(type_error(format!("'{}' object is not iterable", type_name(v))))
    }

    /// `next(it)`; `Ok(None)` when exhausted (StopIteration is absorbed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(ni) = it.payload::<crate::objects::iter::PyNativeIter>() {
            let mut b =
                ni.0.try_borrow_mut().map_err(|_| crate::vm::errors::value_error("iterator already executing"))?;
            return b.next(self);
        }
        if it.kind() == Kind::Generator {
            return crate::objects::generator::gen_next(self, it);
        }
        let Some(f) = self.lookup_special(it, "__next__") else {
            return Err(type_error(format!("'{}' object is not an iterator", type_name(it))));
        };
        match self.call(&f, Args::positional_only(std::slice::from_ref(it))) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&crate::objects::registry::exc().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collects an iterable into a vector.
    pub fn to_vec(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = iterable.payload::<crate::objects::tuple::PyTuple>() {
            return Ok(t.0.to_vec());
        }
        if let Some(l) = iterable.payload::<crate::objects::list::PyList>() {
            return Ok(l.0.borrow().clone());
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    /// `container[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult {
        if let Some(f) = self.lookup_special(c, "__getitem__") {
            let argv = [c.clone(), key.clone()];
            return self.call(&f, Args::positional_only(&argv));
        }
        if c.as_type().is_some() {
            if let Some(cg) = self.getattr_opt(c, "__class_getitem__")? {
                return self.call(&cg, Args::positional_only(std::slice::from_ref(key)));
            }
        }
        Err(type_error(format!("'{}' object is not subscriptable", type_name(c))))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, c: &Value, key: &Value, value: Value) -> PyResult<()> {
        match self.lookup_special(c, "__setitem__") {
            Some(f) => {
                let argv = [c.clone(), key.clone(), value];
                self.call(&f, Args::positional_only(&argv))?;
                Ok(())
            }
            None => Err(type_error(format!("'{}' object does not support item assignment", type_name(c)))),
        }
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        match self.lookup_special(c, "__delitem__") {
            Some(f) => {
                let argv = [c.clone(), key.clone()];
                self.call(&f, Args::positional_only(&argv))?;
                Ok(())
            }
            None => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(c)))),
        }
    }
}

/// The instance `__dict__` of `obj`, if it has one already.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    match obj.kind() {
        Kind::Instance => obj.payload::<crate::objects::instance::Instance>()?.dict.borrow().clone(),
        Kind::Module => Some(obj.payload::<crate::objects::module::PyModule>()?.dict.clone()),
        Kind::Function => obj.payload::<crate::objects::function::PyFunction>()?.dict.borrow().clone(),
        Kind::Exception => obj.payload::<crate::objects::exception::PyException>()?.dict.borrow().clone(),
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
        _ => return None,
    };
    let mut s = slot.borrow_mut();
    if s.is_none() {
        *s = Some(layout::alloc(&types().dict, PyDict::new()));
    }
    s.clone()
}
