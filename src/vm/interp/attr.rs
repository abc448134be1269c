//! Attribute fast paths for the loop: `obj.name` and `obj.name(...)` on plain instances
//! without `__getattribute__`/`__getattr__`, using the name's cached hash for the type's
//! method cache and the instance dict. Anything unusual falls back to `vm.getattr`.

use crate::bytecode::feedback::{AttrEntry, AttrTag, MroIndex};
use crate::objects::descr::PyMemberDescr;
use crate::objects::dict::PyDict;
use crate::objects::function::PyBoundMethod;
use crate::objects::instance::Instance;
use crate::objects::module::PyModule;
use crate::objects::type_::{TF_CUSTOM_GETATTRIBUTE, TF_CUSTOM_SETATTR, TF_HAS_GETATTR, plain_class_attr};
use crate::objects::types;
use crate::values::{Kind, Value, layout};
use crate::vm::{PyResult, Vm};

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
                // A `property` (a data descriptor: it wins over the instance dict) runs
                // its getter straight away.
                if a.kind() == Kind::Property && a.type_of().is(&types().property) {
                    if let Some(p) = a.payload::<crate::objects::descr::PyProperty>() {
                        return p.get(self, obj).map(Some);
                    }
                }
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
        // A builtin type's `__init__` is never a Python function.
        if !tp.is_heap() {
            return Ok(None);
        }
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

// ---- Inline caches (`Code::attr_cache`: `AttrEntry`s, layout in bytecode/feedback.rs) ----

/// `obj`'s type, when the cached entry `e` was made for its current version.
#[inline(always)]
fn type_matches(obj: &Value, e: AttrEntry) -> Option<&crate::objects::type_::PyType> {
    let tp = obj.type_of().as_type()?;
    (tp.version.get() == e.version).then_some(tp)
}

/// The class attribute at `MroIndex` `ix` (see `lookup_pos`).
#[inline(always)]
pub(crate) fn mro_value(tp: &crate::objects::type_::PyType, ix: usize, name: &Value) -> Option<Value> {
    let m = MroIndex::unpack(ix);
    let mro = tp.mro.borrow();
    mro.get(m.mro_pos)?.as_type()?.dict.value_at_if_key(m.entry, name)
}

/// Where the MRO lookup of `name` finds it, as a packed `MroIndex` (if it fits).
fn lookup_pos(tp: &crate::objects::type_::PyType, name: &Value) -> Option<usize> {
    for (p, t) in tp.mro.borrow().iter().enumerate() {
        if let Some((ix, _)) = t.as_type().and_then(|t| t.dict.get_str_value_ix(name)) {
            return MroIndex::pack(p, ix);
        }
    }
    None
}

/// An InstDict cache entry made for another type (a polymorphic site: `self.x` in a
/// base-class method run for instances of several subclasses) still applies when `obj`'s
/// type has no attribute hooks and nothing but a plain value or function for `name`: the
/// instance dict decides, as in `fast_getattr`/`fast_setattr`. The entry's key is still
/// checked by identity, so only the dict position is borrowed from the other type.
#[inline(never)]
fn inst_dict_rules(obj: &Value, name: &Value, store: bool) -> bool {
    let Some(tp) = obj.type_of().as_type() else { return false };
    let hooks = if store { TF_CUSTOM_SETATTR } else { TF_CUSTOM_GETATTRIBUTE | TF_HAS_GETATTR };
    let flags = tp.flags.get();
    if flags & hooks != 0 || (store && !tp.has_dict.get()) {
        return false;
    }
    if name.as_str().is_some_and(|n| tp.dict_entry_wins(n)) {
        return true;
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

/// `LoadAttr` from cache entry `e`; `None`: miss (take the full path).
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
pub(crate) fn load_attr_cached(e: AttrEntry, obj: &Value, name: &Value) -> Option<Value> {
    let ix = e.index();
    match e.tag {
        AttrTag::InstDict => {
            let inst = obj.payload::<Instance>()?;
            if type_matches(obj, e).is_none() && !inst_dict_rules(obj, name, false) {
                return None;
            }
            let d = inst.dict.borrow();
            d.as_ref()?.payload::<PyDict>()?.value_at_if_key(ix, name)
        }
        AttrTag::Slot => {
            let inst = obj.payload::<Instance>()?;
            type_matches(obj, e)?;
            inst.slots.get(ix)?.borrow().clone()
        }
        AttrTag::Module => {
            let m = obj.payload::<PyModule>()?;
            type_matches(obj, e)?;
            m.dict.payload::<PyDict>()?.value_at_if_key(ix, name)
        }
        AttrTag::ClassAttr => {
            let inst = obj.payload::<Instance>()?;
            let tp = type_matches(obj, e)?;
            if dict_shadows(inst, name) {
                return None;
            }
            let a = mro_value(tp, ix, name)?;
            if a.kind() == Kind::Function {
                return Some(layout::alloc(&types().method, PyBoundMethod { func: a, self_: obj.clone() }));
            }
            Some(a)
        }
        AttrTag::TypeAttr => {
            let tp = obj.as_type()?;
            if tp.version.get() != e.version || !obj.type_of().is(&types().type_) {
                return None;
            }
            mro_value(tp, ix, name)
        }
        AttrTag::Method => None,
    }
}

/// `LoadMethod` from cache entry `e`: (callable, true) for METHOD (push it with `obj` as
/// self), (attribute, false) for the `LoadAttr` tags; `None`: miss.
/// - METHOD: a plain function or native method found on `obj`'s type (same version) at
///   MRO position/entry `ix`, not shadowed by an instance dict (checked).
#[inline(always)]
pub(crate) fn load_method_cached(e: AttrEntry, obj: &Value, name: &Value) -> Option<(Value, bool)> {
    if e.tag != AttrTag::Method {
        return load_attr_cached(e, obj, name).map(|v| (v, false));
    }
    let Some(tp) = type_matches(obj, e) else { return method_other_type(obj, name) };
    if let Some(inst) = obj.payload::<Instance>() {
        if dict_shadows(inst, name) {
            return None;
        }
    }
    mro_value(tp, e.index(), name).map(|f| (f, true))
}

/// A METHOD site seeing another type than the cached one (`t.run()` over instances of
/// several subclasses): the method by the type's method cache, with `fast_method`'s
/// rules, so the site keeps its cache entry instead of refilling it on every switch.
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

/// `StoreAttr` through cache entry `e` (INST_DICT: replace the value of an existing entry;
/// SLOT: set the slot). `Err(v)` hands the value back on a miss.
#[inline(always)]
pub(crate) fn store_attr_cached(e: AttrEntry, obj: &Value, name: &Value, v: Value) -> Result<(), Value> {
    let ix = e.index();
    let Some(inst) = obj.payload::<Instance>() else { return Err(v) };
    if type_matches(obj, e).is_none() && (e.tag != AttrTag::InstDict || !inst_dict_rules(obj, name, true)) {
        return Err(v);
    }
    match e.tag {
        AttrTag::InstDict => {
            let d = inst.dict.borrow();
            let Some(dd) = d.as_ref().and_then(|d| d.payload::<PyDict>()) else { return Err(v) };
            let old = dd.replace_at_if_key(ix, name, v)?;
            drop(d);
            drop(old);
            Ok(())
        }
        AttrTag::Slot => match inst.slots.get(ix) {
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

/// The cache entry for `obj.name` (or `obj.name(...)` when `method`), if the lookup is one
/// the cached paths repeat exactly. Runs no Python code.
pub(crate) fn load_cache_entry(obj: &Value, name: &Value, method: bool) -> Option<AttrEntry> {
    if name.kind() != Kind::Str {
        return None;
    }
    let ty = obj.type_of();
    let tp = ty.as_type()?;
    let version = tp.version.get();
    match obj.kind() {
        Kind::Instance => {
            if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
                return None;
            }
            let inst = obj.payload::<Instance>()?;
            let tattr = tp.lookup_value(name);
            if let Some(a) = &tattr {
                if let Some(m) = a.payload::<PyMemberDescr>() {
                    if crate::vm::protocol::is_subtype(ty, &m.owner) {
                        return AttrEntry::new(AttrTag::Slot, m.index, version);
                    }
                    return None;
                }
                if !plain_class_attr(a) {
                    return None;
                }
            }
            if let Some(d) = &*inst.dict.borrow() {
                if let Some((ix, _)) = d.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
                    return AttrEntry::new(AttrTag::InstDict, ix, version);
                }
            }
            let a = tattr?;
            let pos = lookup_pos(tp, name)?;
            if method && plain_method(&a) {
                AttrEntry::new(AttrTag::Method, pos, version)
            } else if !method && (a.kind() == Kind::Function || plain_value(&a)) {
                AttrEntry::new(AttrTag::ClassAttr, pos, version)
            } else {
                None
            }
        }
        Kind::Module => {
            if tp.flags.get() & (TF_CUSTOM_GETATTRIBUTE) != 0 || tp.lookup_value(name).is_some() {
                return None;
            }
            let m = obj.payload::<PyModule>()?;
            match m.dict.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
                Some((ix, _)) => AttrEntry::new(AttrTag::Module, ix, version),
                None => None,
            }
        }
        Kind::Type => {
            let cls = obj.as_type()?;
            if !ty.is(&types().type_) || tp.lookup_value(name).is_some() {
                return None;
            }
            match (cls.lookup_value(name), lookup_pos(cls, name)) {
                (Some(a), Some(pos)) if a.kind() == Kind::Function || plain_value(&a) => {
                    AttrEntry::new(AttrTag::TypeAttr, pos, cls.version.get())
                }
                _ => None,
            }
        }
        k if type_only_attrs(k) && method => {
            if tp.flags.get() & TF_CUSTOM_GETATTRIBUTE != 0 {
                return None;
            }
            match (tp.lookup_value(name), lookup_pos(tp, name)) {
                (Some(a), Some(pos)) if plain_method(&a) => AttrEntry::new(AttrTag::Method, pos, version),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The cache entry for `obj.name = v` just done through the full path, if any.
pub(crate) fn store_cache_entry(obj: &Value, name: &Value) -> Option<AttrEntry> {
    if name.kind() != Kind::Str || obj.kind() != Kind::Instance {
        return None;
    }
    let ty = obj.type_of();
    let tp = ty.as_type()?;
    if tp.flags.get() & TF_CUSTOM_SETATTR != 0 {
        return None;
    }
    let inst = obj.payload::<Instance>()?;
    if let Some(a) = tp.lookup_value(name) {
        if let Some(m) = a.payload::<PyMemberDescr>() {
            if crate::vm::protocol::is_subtype(ty, &m.owner) {
                return AttrEntry::new(AttrTag::Slot, m.index, tp.version.get());
            }
            return None;
        }
        if !plain_class_attr(&a) {
            return None;
        }
    }
    match &*inst.dict.borrow() {
        Some(d) => match d.payload::<PyDict>().and_then(|d| d.get_str_value_ix(name)) {
            Some((ix, _)) => AttrEntry::new(AttrTag::InstDict, ix, tp.version.get()),
            None => None,
        },
        None => None,
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
