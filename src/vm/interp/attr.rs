//! Attribute fast paths for the loop: `obj.name` and `obj.name(...)` on plain instances
//! without `__getattribute__`/`__getattr__`, using the name's cached hash for the type's
//! method cache and the instance dict. Anything unusual falls back to `vm.getattr`.

use crate::bytecode::code::{AC_CLASS_ATTR, AC_INST_DICT, AC_METHOD, AC_MODULE, AC_SLOT, AC_TYPE_ATTR};
use crate::objects::descr::PyMemberDescr;
use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::instance::Instance;
use crate::objects::module::PyModule;
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
        } else if !type_only_attrs(obj.kind()) {
            // Types, modules, super objects, exceptions...: their own attribute rules.
            return None;
        }
        Some(a)
    }
}

// ---- Inline caches (`Code::attr_cache`; layout documented there) ----

const IX_MASK: u64 = (1 << 28) - 1;
const MRO_SHIFT: u32 = 20;
const ENTRY_MASK: usize = (1 << MRO_SHIFT) - 1;

#[inline(always)]
fn cache_word(tag: u64, ix: usize, version: u32) -> u64 {
    if ix as u64 > IX_MASK || version == 0 {
        return 0;
    }
    tag | ((ix as u64) << 4) | ((version as u64) << 32)
}

/// The type version of `obj`'s type, when the cached entry `c` was made for it.
#[inline(always)]
fn type_matches(obj: &Value, c: u64) -> Option<&crate::objects::type_::PyType> {
    let tp = obj.type_of().as_type()?;
    (tp.version.get() == (c >> 32) as u32).then_some(tp)
}

/// The class attribute at MRO position / type-dict entry `ix` (see `lookup_pos`).
#[inline(always)]
fn mro_value(tp: &crate::objects::type_::PyType, ix: usize, name: &Value) -> Option<Value> {
    let mro = tp.mro.borrow();
    mro.get(ix >> MRO_SHIFT)?.as_type()?.dict.value_at_if_key(ix & ENTRY_MASK, name)
}

/// Where the MRO lookup of `name` finds it: MRO position << 20 | type-dict entry index.
fn lookup_pos(tp: &crate::objects::type_::PyType, name: &Value) -> Option<usize> {
    for (p, t) in tp.mro.borrow().iter().enumerate() {
        if let Some((ix, _)) = t.as_type().and_then(|t| t.dict.get_str_value_ix(name)) {
            return (p < 256 && ix <= ENTRY_MASK).then_some((p << MRO_SHIFT) | ix);
        }
    }
    None
}

/// An INST_DICT cache word made for another type (a polymorphic site: `self.x` in a
/// base-class method run for instances of several subclasses) still applies when `obj`'s
/// type has no attribute hooks and nothing but a plain value or function for `name`: the
/// instance dict decides, as in `fast_getattr`/`fast_setattr`. The entry's key is still
/// checked by identity, so only the dict position is borrowed from the other type.
#[inline(never)]
fn inst_dict_rules(obj: &Value, name: &Value, store: bool) -> bool {
    let Some(tp) = obj.type_of().as_type() else { return false };
    let hooks = if store { TF_CUSTOM_SETATTR } else { TF_CUSTOM_GETATTRIBUTE | TF_HAS_GETATTR };
    if tp.flags.get() & hooks != 0 || (store && !tp.has_dict.get()) {
        return false;
    }
    tp.lookup_value(name).is_none_or(|a| plain_class_attr(&a))
}

/// Is `name` a key of the instance dict of `inst` (so it shadows a class attribute)?
#[inline(always)]
fn dict_shadows(inst: &Instance, name: &Value) -> bool {
    match &*inst.dict.borrow() {
        Some(d) => d.payload::<PyDict>().is_none_or(|d| d.get_str_value(name).is_some()),
        None => false,
    }
}

/// A non-descriptor class attribute whose value a cached `LoadAttr` may return as is.
fn plain_value(a: &Value) -> bool {
    matches!(a.kind(), Kind::SmallInt | Kind::Str | Kind::None | Kind::Int | Kind::Float | Kind::Bool | Kind::Tuple)
}

/// A function `LoadMethod` may push unbound with its receiver (like `fast_method`).
fn plain_method(a: &Value) -> bool {
    match a.kind() {
        Kind::Function => true,
        Kind::Builtin => a
            .payload::<crate::objects::builtin_func::PyBuiltin>()
            .is_some_and(|b| b.self_.is_none() && b.kind == crate::objects::builtin_func::BuiltinKind::Method),
        _ => false,
    }
}

/// `LoadAttr` from cache word `c`; `None`: miss (take the full path).
///
/// - INST_DICT: `obj` is an instance whose type (same version) has no data descriptor
///   for `name`; the value is instance-dict entry `ix` if it still holds `name`.
/// - SLOT: the type's `name` is the `__slots__` member `ix`; an empty slot is a miss.
/// - CLASS_ATTR: a function (bound here) or plain value on the type, not shadowed by
///   the instance dict (checked).
/// - MODULE: module-dict entry `ix` (the module's type, same version, has no data
///   descriptor for `name`).
/// - TYPE_ATTR: `obj` is a class whose metatype is `type` and which (same version) finds a
///   function or plain value `name` at MRO position/entry `ix`: returned as is.
#[inline(always)]
pub(crate) fn load_attr_cached(c: u64, obj: &Value, name: &Value) -> Option<Value> {
    let ix = ((c >> 4) & IX_MASK) as usize;
    match c & 15 {
        AC_INST_DICT => {
            let inst = obj.payload::<Instance>()?;
            if type_matches(obj, c).is_none() && !inst_dict_rules(obj, name, false) {
                return None;
            }
            let d = inst.dict.borrow();
            d.as_ref()?.payload::<PyDict>()?.value_at_if_key(ix, name)
        }
        AC_SLOT => {
            let inst = obj.payload::<Instance>()?;
            type_matches(obj, c)?;
            inst.slots.get(ix)?.borrow().clone()
        }
        AC_MODULE => {
            let m = obj.payload::<PyModule>()?;
            type_matches(obj, c)?;
            m.dict.payload::<PyDict>()?.value_at_if_key(ix, name)
        }
        AC_CLASS_ATTR => {
            let inst = obj.payload::<Instance>()?;
            let tp = type_matches(obj, c)?;
            if dict_shadows(inst, name) {
                return None;
            }
            let a = mro_value(tp, ix, name)?;
            if a.kind() == Kind::Function {
                return Some(layout::alloc(&types().method, PyBoundMethod { func: a, self_: obj.clone() }));
            }
            Some(a)
        }
        AC_TYPE_ATTR => {
            let tp = obj.as_type()?;
            if tp.version.get() != (c >> 32) as u32 || !obj.type_of().is(&types().type_) {
                return None;
            }
            mro_value(tp, ix, name)
        }
        _ => None,
    }
}

/// `LoadMethod` from cache word `c`: (callable, true) for METHOD (push it with `obj` as
/// self), (attribute, false) for the `LoadAttr` tags; `None`: miss.
/// - METHOD: a plain function or native method found on `obj`'s type (same version) at
///   MRO position/entry `ix`, not shadowed by an instance dict (checked).
#[inline(always)]
pub(crate) fn load_method_cached(c: u64, obj: &Value, name: &Value) -> Option<(Value, bool)> {
    if c & 15 != AC_METHOD {
        return load_attr_cached(c, obj, name).map(|v| (v, false));
    }
    let Some(tp) = type_matches(obj, c) else { return method_other_type(obj, name) };
    if let Some(inst) = obj.payload::<Instance>() {
        if dict_shadows(inst, name) {
            return None;
        }
    }
    mro_value(tp, ((c >> 4) & IX_MASK) as usize, name).map(|f| (f, true))
}

/// A METHOD site seeing another type than the cached one (`t.run()` over instances of
/// several subclasses): the method by the type's method cache, with `fast_method`'s
/// rules, so the site keeps its cache word instead of refilling it on every switch.
#[inline(never)]
fn method_other_type(obj: &Value, name: &Value) -> Option<(Value, bool)> {
    let tp = obj.type_of().as_type()?;
    if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
        return None;
    }
    match obj.payload::<Instance>() {
        Some(inst) => {
            if dict_shadows(inst, name) {
                return None;
            }
        }
        None if type_only_attrs(obj.kind()) => {}
        None => return None,
    }
    let a = tp.lookup_value(name)?;
    plain_method(&a).then_some((a, true))
}

/// `StoreAttr` through cache word `c` (INST_DICT: replace the value of an existing entry;
/// SLOT: set the slot). `Err(v)` hands the value back on a miss.
#[inline(always)]
pub(crate) fn store_attr_cached(c: u64, obj: &Value, name: &Value, v: Value) -> Result<(), Value> {
    let ix = ((c >> 4) & IX_MASK) as usize;
    let Some(inst) = obj.payload::<Instance>() else { return Err(v) };
    if type_matches(obj, c).is_none() && (c & 15 != AC_INST_DICT || !inst_dict_rules(obj, name, true)) {
        return Err(v);
    }
    match c & 15 {
        AC_INST_DICT => {
            let d = inst.dict.borrow();
            let Some(dd) = d.as_ref().and_then(|d| d.payload::<PyDict>()) else { return Err(v) };
            let old = dd.replace_at_if_key(ix, name, v)?;
            drop(d);
            drop(old);
            Ok(())
        }
        AC_SLOT => match inst.slots.get(ix) {
            Some(s) => {
                let old = s.replace(Some(v));
                drop(old);
                Ok(())
            }
            None => Err(v),
        },
        _ => Err(v),
    }
}

/// The cache word for `obj.name` (or `obj.name(...)` when `method`), if the lookup is one
/// the cached paths repeat exactly; 0 otherwise. Runs no Python code.
pub(crate) fn load_cache_entry(obj: &Value, name: &Value, method: bool) -> u64 {
    if name.kind() != Kind::Str {
        return 0;
    }
    let ty = obj.type_of();
    let Some(tp) = ty.as_type() else { return 0 };
    let version = tp.version.get();
    match obj.kind() {
        Kind::Instance => {
            if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
                return 0;
            }
            let Some(inst) = obj.payload::<Instance>() else { return 0 };
            let tattr = tp.lookup_value(name);
            if let Some(a) = &tattr {
                if let Some(m) = a.payload::<PyMemberDescr>() {
                    if crate::vm::protocol::is_subtype(ty, &m.owner) {
                        return cache_word(AC_SLOT, m.index, version);
                    }
                    return 0;
                }
                if !plain_class_attr(a) {
                    return 0;
                }
            }
            if let Some(d) = &*inst.dict.borrow() {
                if let Some((ix, _)) = d.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
                    return cache_word(AC_INST_DICT, ix, version);
                }
            }
            let Some(a) = tattr else { return 0 };
            let Some(pos) = lookup_pos(tp, name) else { return 0 };
            if method && plain_method(&a) {
                cache_word(AC_METHOD, pos, version)
            } else if !method && (a.kind() == Kind::Function || plain_value(&a)) {
                cache_word(AC_CLASS_ATTR, pos, version)
            } else {
                0
            }
        }
        Kind::Module => {
            if tp.flags.get() & (TF_CUSTOM_GETATTRIBUTE) != 0 || tp.lookup_value(name).is_some() {
                return 0;
            }
            let Some(m) = obj.payload::<PyModule>() else { return 0 };
            match m.dict.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
                Some((ix, _)) => cache_word(AC_MODULE, ix, version),
                None => 0,
            }
        }
        Kind::Type => {
            let Some(cls) = obj.as_type() else { return 0 };
            if !ty.is(&types().type_) || tp.lookup_value(name).is_some() {
                return 0;
            }
            match (cls.lookup_value(name), lookup_pos(cls, name)) {
                (Some(a), Some(pos)) if a.kind() == Kind::Function || plain_value(&a) => {
                    cache_word(AC_TYPE_ATTR, pos, cls.version.get())
                }
                _ => 0,
            }
        }
        k if type_only_attrs(k) && method => {
            if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
                return 0;
            }
            match (tp.lookup_value(name), lookup_pos(tp, name)) {
                (Some(a), Some(pos)) if plain_method(&a) => cache_word(AC_METHOD, pos, version),
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// The cache word for `obj.name = v` just done through the full path, or 0.
pub(crate) fn store_cache_entry(obj: &Value, name: &Value) -> u64 {
    if name.kind() != Kind::Str || obj.kind() != Kind::Instance {
        return 0;
    }
    let ty = obj.type_of();
    let Some(tp) = ty.as_type() else { return 0 };
    if tp.flags.get() & TF_CUSTOM_SETATTR != 0 {
        return 0;
    }
    let Some(inst) = obj.payload::<Instance>() else { return 0 };
    if let Some(a) = tp.lookup_value(name) {
        if let Some(m) = a.payload::<PyMemberDescr>() {
            if crate::vm::protocol::is_subtype(ty, &m.owner) {
                return cache_word(AC_SLOT, m.index, tp.version.get());
            }
            return 0;
        }
        if !plain_class_attr(&a) {
            return 0;
        }
    }
    match &*inst.dict.borrow() {
        Some(d) => match d.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
            Some((ix, _)) => cache_word(AC_INST_DICT, ix, tp.version.get()),
            None => 0,
        },
        None => 0,
    }
}

/// Builtin kinds without an instance dict: every attribute comes from the type, so a
/// type-version check covers them.
fn type_only_attrs(k: Kind) -> bool {
    matches!(
        k,
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
    )
}
