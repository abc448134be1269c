//! Attribute fast paths for the loop: `obj.name` and `obj.name(...)` on plain instances
//! without `__getattribute__`/`__getattr__`, using the name's cached hash for the type's
//! method cache and the instance dict. Anything unusual falls back to `vm.getattr`.

use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::type_::{TF_CUSTOM_GETATTRIBUTE, TF_CUSTOM_SETATTR, TF_HAS_GETATTR};
use crate::objects::types;
use crate::values::{Kind, Value, layout};
use crate::vm::{PyResult, Vm};

/// Is `a` (found on a type) a non-data attribute the fast paths can handle?
#[inline]
fn plain_class_attr(a: &Value) -> bool {
    matches!(
        a.kind(),
        Kind::Function
            | Kind::Builtin
            | Kind::SmallInt
            | Kind::Str
            | Kind::None
            | Kind::Int
            | Kind::Float
            | Kind::Bool
            | Kind::Tuple
    )
}

impl Vm {
    /// `obj.name` for an instance of a plain class; `None`: take the general path.
    #[inline]
    pub(crate) fn fast_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if obj.kind() != Kind::Instance {
            // `mod.name` of a plain module: straight from its dict (the `module` type's data
            // descriptors are all dunders, which take the general path).
            if obj.kind() == Kind::Module && obj.type_of().is(&types().module) {
                if let (Some(m), Some(ns)) = (obj.payload::<crate::objects::module::PyModule>(), name.as_str()) {
                    if !ns.starts_with("__") {
                        return Ok(m.dict.payload::<PyDict>().and_then(|d| d.get_str_value(name)));
                    }
                }
            }
            return Ok(None);
        }
        let ty = obj.type_of();
        let Some(tp) = ty.as_type() else { return Ok(None) };
        if tp.flags.get() & (TF_CUSTOM_GETATTRIBUTE | TF_HAS_GETATTR) != 0 {
            return Ok(None);
        }
        let tattr = tp.lookup_value(name);
        if let Some(a) = &tattr {
            if !plain_class_attr(a) {
                return Ok(None);
            }
        }
        if let Some(inst) = obj.payload::<crate::objects::instance::Instance>() {
            if let Some(d) = &*inst.dict.borrow() {
                if let Some(v) = d.payload::<PyDict>().and_then(|d| d.get_str_value(name)) {
                    return Ok(Some(v));
                }
            }
        }
        match tattr {
            Some(a) if a.kind() == Kind::Function => {
                Ok(Some(layout::alloc(&types().method, PyBoundMethod { func: a, self_: obj.clone() })))
            }
            Some(a) if a.kind() == Kind::Builtin => {
                let ty = ty.clone();
                self.descr_get(&a, Some(obj), &ty).map(Some)
            }
            Some(a) => Ok(Some(a)),
            None => Ok(None),
        }
    }

    /// `obj.name = v` into the instance dict of a plain class; `Err(v)` hands the value
    /// back for the general path.
    #[inline]
    pub(crate) fn fast_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> Result<(), Value> {
        if obj.kind() != Kind::Instance {
            return Err(v);
        }
        let Some(tp) = obj.type_of().as_type() else { return Err(v) };
        if tp.flags.get() & TF_CUSTOM_SETATTR != 0 || !tp.has_dict.get() {
            return Err(v);
        }
        if let Some(a) = tp.lookup_value(name) {
            if !plain_class_attr(&a) {
                return Err(v);
            }
        }
        let Some(inst) = obj.payload::<crate::objects::instance::Instance>() else { return Err(v) };
        let d = inst.dict.borrow().clone();
        match d.as_ref().and_then(|d| d.payload::<PyDict>()) {
            Some(dd) => {
                dd.set_str(name.clone(), v);
                Ok(())
            }
            None => Err(v),
        }
    }

    /// For a call of class `cls` whose metaclass is `type`, `__new__` is object's and
    /// `__init__` a plain Python function: the allocated instance and that `__init__`.
    pub(crate) fn fast_instantiate(&mut self, cls: &Value) -> PyResult<Option<(Value, Value)>> {
        if !cls.type_of().is(&types().type_) || cls.is(&types().type_) {
            return Ok(None);
        }
        let Some(tp) = cls.as_type() else { return Ok(None) };
        let slots = crate::objects::instance::object_slots();
        let Some(new) = tp.lookup("__new__") else { return Ok(None) };
        if !new.is(&slots.new) {
            return Ok(None);
        }
        let Some(init) = tp.lookup("__init__") else { return Ok(None) };
        if init.kind() != Kind::Function {
            return Ok(None);
        }
        let is_gen = init
            .payload::<crate::objects::function::PyFunction>()
            .is_some_and(|f| f.code.borrow().payload::<crate::bytecode::code::Code>().is_none_or(|c| c.is_generator()));
        if is_gen {
            return Ok(None);
        }
        let obj = crate::objects::instance::object_alloc(self, cls)?;
        Ok(Some((init, obj)))
    }

    /// `LoadMethod` lookup of a plain function on the type of an instance not shadowed by
    /// its dict: the unbound function.
    #[inline]
    pub(crate) fn fast_method(&mut self, obj: &Value, name: &Value) -> Option<Value> {
        let ty = obj.type_of();
        let tp = ty.as_type()?;
        if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
            return None;
        }
        let a = tp.lookup_value(name)?;
        let plain = match a.kind() {
            Kind::Function => true,
            Kind::Builtin => a
                .payload::<crate::objects::builtin_func::PyBuiltin>()
                .is_some_and(|b| b.self_.is_none() && b.kind == crate::objects::builtin_func::BuiltinKind::Method),
            _ => false,
        };
        if !plain {
            return None;
        }
        if obj.kind() == Kind::Instance {
            let inst = obj.payload::<crate::objects::instance::Instance>()?;
            if let Some(d) = &*inst.dict.borrow() {
                if d.payload::<PyDict>().and_then(|d| d.get_str_value(name)).is_some() {
                    return None;
                }
            }
        } else if !matches!(
            obj.kind(),
            Kind::SmallInt
                | Kind::Int
                | Kind::Bool
                | Kind::Float
                | Kind::Str
                | Kind::Bytes
                | Kind::ByteArray
                | Kind::List
                | Kind::Tuple
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
                | Kind::NativeIter
                | Kind::Generator
                | Kind::File
        ) {
            // Types, modules, super objects, exceptions...: their own attribute rules.
            return None;
        }
        Some(a)
    }
}
