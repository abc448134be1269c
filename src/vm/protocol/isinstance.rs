//! `isinstance`/`issubclass`: exact-type fast path, tuples and unions of classes,
//! `__instancecheck__`/`__subclasscheck__` on the metaclass, and the `__class__`/`__bases__`
//! fallbacks CPython applies to non-type objects.

use crate::objects::registry::exc;
use crate::objects::type_::union::union_args;
use crate::objects::types;
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::is_subtype;
use crate::vm::{Args, PyResult, Vm};

impl Vm {
    /// `isinstance(inst, cls)` with everything CPython's `PyObject_IsInstance` does.
    pub fn isinstance_full(&mut self, inst: &Value, cls: &Value) -> PyResult<bool> {
        if inst.type_of().is(cls) {
            return Ok(true);
        }
        if cls.type_of().is(&types().type_) {
            return self.recursive_isinstance(inst, cls);
        }
        if let Some(items) = cls.as_tuple().map(|t| t.to_vec()).or_else(|| union_args(cls)) {
            for c in &items {
                if self.isinstance_full(inst, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(chk) = self.lookup_special(cls, "__instancecheck__") {
            let r = self.call(&chk, Args::positional_only(&[cls.clone(), inst.clone()]))?;
            return self.truthy(&r);
        }
        self.recursive_isinstance(inst, cls)
    }

    /// `issubclass(derived, cls)`.
    pub fn issubclass_full(&mut self, derived: &Value, cls: &Value) -> PyResult<bool> {
        if cls.type_of().is(&types().type_) && derived.as_type().is_some() {
            return Ok(is_subtype(derived, cls));
        }
        if let Some(items) = cls.as_tuple().map(|t| t.to_vec()).or_else(|| union_args(cls)) {
            for c in &items {
                if self.issubclass_full(derived, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(chk) = self.lookup_special(cls, "__subclasscheck__") {
            let r = self.call(&chk, Args::positional_only(&[cls.clone(), derived.clone()]))?;
            return self.truthy(&r);
        }
        self.recursive_issubclass(derived, cls)
    }

    /// The default instance check (`type.__instancecheck__`).
    pub fn recursive_isinstance(&mut self, inst: &Value, cls: &Value) -> PyResult<bool> {
        if cls.as_type().is_some() {
            if is_subtype(inst.type_of(), cls) {
                return Ok(true);
            }
            // An object may claim another class through `__class__`.
            let c = self.class_attr(inst)?;
            if let Some(c) = c {
                if !c.is(inst.type_of()) && c.as_type().is_some() {
                    return Ok(is_subtype(&c, cls));
                }
            }
            return Ok(false);
        }
        if !self.has_bases(cls)? {
            return Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
        }
        match self.class_attr(inst)? {
            Some(c) => self.abstract_issubclass(&c, cls),
            None => Ok(false),
        }
    }

    /// The default subclass check (`type.__subclasscheck__`).
    pub fn recursive_issubclass(&mut self, derived: &Value, cls: &Value) -> PyResult<bool> {
        if derived.as_type().is_some() && cls.as_type().is_some() {
            return Ok(is_subtype(derived, cls));
        }
        if !self.has_bases(derived)? {
            return Err(type_error("issubclass() arg 1 must be a class"));
        }
        if union_args(cls).is_none() && !self.has_bases(cls)? {
            return Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        self.abstract_issubclass(derived, cls)
    }

    fn class_attr(&mut self, inst: &Value) -> PyResult<Option<Value>> {
        // The usual case, an instance of a class without `__getattribute__` (or of a
        // common builtin) whose `__class__` is object's: a data descriptor, so no instance
        // dict shadows it, and it gives `type(inst)`.
        let ordinary = match inst.kind() {
            Kind::Instance => inst
                .type_of()
                .as_type()
                .is_some_and(|t| t.flags.get() & crate::objects::type_::TF_CUSTOM_GETATTRIBUTE == 0),
            Kind::SmallInt | Kind::Int | Kind::Str | Kind::Float | Kind::List | Kind::Tuple | Kind::Dict => true,
            _ => false,
        };
        if ordinary {
            let found = inst.type_of().as_type().and_then(|t| t.lookup("__class__"));
            let object_s = types().object.as_type().and_then(|t| t.lookup("__class__"));
            if let (Some(f), Some(o)) = (&found, &object_s) {
                if f.is(o) {
                    return Ok(Some(inst.type_of().clone()));
                }
            }
        }
        let n = crate::objects::str::intern("__class__");
        self.getattr_or_none(inst, &n)
    }

    fn bases_of(&mut self, v: &Value) -> PyResult<Option<Value>> {
        if let Some(t) = v.as_type() {
            return Ok(Some(crate::objects::tuple::new_tuple(t.bases.borrow().clone())));
        }
        let n = crate::objects::str::new_str("__bases__");
        match self.getattr(v, &n) {
            Ok(b) if b.as_tuple().is_some() => Ok(Some(b)),
            Ok(_) => Ok(None),
            Err(e) if e.matches(&exc().attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn has_bases(&mut self, v: &Value) -> PyResult<bool> {
        Ok(self.bases_of(v)?.is_some())
    }

    /// Walks `__bases__` (for class-like objects that are not types).
    fn abstract_issubclass(&mut self, derived: &Value, cls: &Value) -> PyResult<bool> {
        let mut d = derived.clone();
        loop {
            if d.is(cls) {
                return Ok(true);
            }
            let Some(b) = self.bases_of(&d)? else { return Ok(false) };
            let items = b.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            match items.len() {
                0 => return Ok(false),
                1 => d = items[0].clone(),
                _ => {
                    for x in &items {
                        if self.abstract_issubclass(x, cls)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
    }
}
