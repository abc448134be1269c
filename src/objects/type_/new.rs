//! Class creation: `type.__new__(meta, name, bases, ns, **kwds)` — the most derived
//! metaclass, the layout base, C3 linearisation, `__slots__`, `__classcell__`,
//! `__set_name__` and `__init_subclass__`.

use crate::objects::cell::PyCell;
use crate::objects::descr::{PyClassMethod, PyMemberDescr, PyStaticMethod, add_getset};
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::type_::{PyType, TF_BASETYPE, TF_HEAPTYPE};
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, runtime_error, type_error, value_error};
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::{Args, PyResult, Vm};

fn tname(t: &Value) -> String {
    t.as_type().map(|t| t.name.borrow().clone()).unwrap_or_else(|| "?".into())
}

/// C3 linearisation of a class with `bases`; `this` goes first.
pub fn c3_mro(this: &Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(type_error(format!("duplicate base class {}", tname(b))));
        }
    }
    let mut seqs: Vec<Vec<Value>> = Vec::with_capacity(bases.len() + 1);
    for b in bases {
        let m = b.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
        seqs.push(m);
    }
    seqs.push(bases.to_vec());
    let mut heads = vec![0usize; seqs.len()];
    let mut out = vec![this.clone()];
    loop {
        let mut all_done = true;
        let mut picked: Option<Value> = None;
        for i in 0..seqs.len() {
            let Some(cand) = seqs[i].get(heads[i]) else { continue };
            all_done = false;
            // A candidate is good if it is in no other list's tail.
            let in_tail = seqs
                .iter()
                .enumerate()
                .any(|(j, s)| s.get(heads[j] + 1..).is_some_and(|t| t.iter().any(|x| x.is(cand))));
            if !in_tail {
                picked = Some(cand.clone());
                break;
            }
        }
        if all_done {
            return Ok(out);
        }
        let Some(p) = picked else {
            // CPython lists the remaining heads, each once, in list order.
            let mut names: Vec<Value> = Vec::new();
            for (i, s) in seqs.iter().enumerate() {
                if let Some(c) = s.get(heads[i]) {
                    if !names.iter().any(|n| n.is(c)) {
                        names.push(c.clone());
                    }
                }
            }
            let list: Vec<String> = names.iter().map(tname).collect();
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                list.join(", ")
            )));
        };
        for (i, s) in seqs.iter().enumerate() {
            if s.get(heads[i]).is_some_and(|x| x.is(&p)) {
                heads[i] += 1;
            }
        }
        out.push(p);
    }
}

/// Recomputes the MRO of every subclass after `t`'s bases changed.
pub fn refresh_subclass_mros(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let subs = t.as_type().map(|t| t.subclasses.borrow().clone()).unwrap_or_default();
    for s in subs {
        if let Some(st) = s.as_type() {
            let bases = st.bases.borrow().clone();
            let m = c3_mro(&s, &bases)?;
            *st.mro.borrow_mut() = m;
            st.modified();
        }
        refresh_subclass_mros(vm, &s)?;
    }
    Ok(())
}

/// The base that defines the instance layout of `t` (CPython's `solid_base`).
pub(crate) fn solid_base(t: &Value) -> Value {
    let Some(tp) = t.as_type() else { return t.clone() };
    if !tp.is_heap() {
        return match tp.instance_kind {
            Kind::Exception => types().base_exception.clone(),
            Kind::Instance => types().object.clone(),
            _ => t.clone(),
        };
    }
    let base = tp.base.borrow().clone();
    match base {
        Some(b) => {
            let own = tp.slot_names.borrow().len();
            let inherited = b.as_type().map_or(0, |bt| bt.slot_names.borrow().len());
            if own > inherited { t.clone() } else { solid_base(&b) }
        }
        None => types().object.clone(),
    }
}

/// The base whose layout the new class extends; errors on conflicts.
pub(crate) fn best_base(bases: &[Value]) -> PyResult<Value> {
    let mut base: Option<Value> = None;
    let mut winner: Option<Value> = None;
    for b in bases {
        let Some(bt) = b.as_type() else { return Err(type_error("bases must be types")) };
        if !bt.has_flag(TF_BASETYPE) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", bt.name.borrow())));
        }
        let cand = solid_base(b);
        match &winner {
            None => {
                winner = Some(cand);
                base = Some(b.clone());
            }
            Some(w) if is_subtype(w, &cand) => {}
            Some(w) if is_subtype(&cand, w) => {
                winner = Some(cand);
                base = Some(b.clone());
            }
            Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
        }
    }
    base.ok_or_else(|| type_error("bases must be types"))
}

/// The most derived metaclass among `meta` and the bases' types.
pub fn calculate_metaclass(meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = b.type_of();
        if is_subtype(&winner, bt) {
            continue;
        }
        if is_subtype(bt, &winner) {
            winner = bt.clone();
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `_Name__x` for a private name inside class `Name`.
fn mangle(class: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let c = class.trim_start_matches('_');
    if c.is_empty() {
        return name.to_owned();
    }
    format!("_{c}{name}")
}

fn is_identifier(s: &str) -> bool {
    let mut ch = s.chars();
    match ch.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    ch.all(|c| c == '_' || c.is_alphanumeric())
}

/// The `__module__` of code running now: the calling frame's globals `__name__`.
fn caller_module(vm: &Vm) -> Option<Value> {
    let f = vm.frames.last()?;
    f.globals.payload::<PyDict>()?.get_str("__name__")
}

/// `type.__new__(meta, name, bases, ns, **kwds)`.
pub fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(meta) = p.first().cloned() else { return Err(type_error("type.__new__(): not enough arguments")) };
    if meta.as_type().is_none() {
        return Err(type_error(format!("type.__new__(X): X is not a type object ({})", type_name(&meta))));
    }
    if meta.is(&types().type_) && p.len() == 2 && !args.has_kwargs() {
        return Ok(p[1].type_of().clone());
    }
    if p.len() != 4 {
        return Err(type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", p.len() - 1)));
    }
    let (name, bases_v, ns) = (&p[1], &p[2], &p[3]);
    let Some(name_s) = name.as_str() else {
        return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", type_name(name))));
    };
    let Some(bases_in) = bases_v.as_tuple() else {
        return Err(type_error(format!("type.__new__() argument 2 must be tuple, not {}", type_name(bases_v))));
    };
    let Some(nsd) = ns.downcast::<PyDict>() else {
        return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", type_name(ns))));
    };
    let winner = calculate_metaclass(&meta, bases_in)?;
    let mut meta = meta;
    if !winner.is(&meta) {
        let wnew = winner.as_type().and_then(|t| t.lookup("__new__"));
        let tnew = types().type_.as_type().and_then(|t| t.dict.get_str("__new__"));
        if let (Some(w), Some(t)) = (&wnew, &tnew) {
            if !w.is(t) {
                let w = match w.payload::<PyStaticMethod>() {
                    Some(s) => s.0.clone(),
                    None => w.clone(),
                };
                let mut v = args.values.to_vec();
                v[0] = winner.clone();
                return vm.call(&w, Args::new(&v, args.kwnames));
            }
        }
        meta = winner;
    }
    let bases: Vec<Value> = if bases_in.is_empty() { vec![types().object.clone()] } else { bases_in.to_vec() };
    let base = best_base(&bases)?;
    let base_t = base.as_type().ok_or_else(|| type_error("bases must be types"))?;

    // Instance layout.
    let instance_kind = match base_t.instance_kind {
        Kind::Exception => Kind::Exception,
        Kind::Type => Kind::Type,
        _ => Kind::Instance,
    };
    let base_has_dict = bases.iter().any(|b| b.as_type().is_some_and(|t| t.has_dict.get()));
    let mut slot_names: Vec<Value> = base_t.slot_names.borrow().clone();
    let mut add_dict = !base_has_dict;
    let mut add_weakref = true;
    let mut own_slots: Vec<String> = Vec::new();
    let slots_v = nsd.get_str("__slots__");
    if let Some(sv) = &slots_v {
        add_dict = false;
        add_weakref = false;
        let items = if sv.as_str().is_some() { vec![sv.clone()] } else { vm.to_vec(sv)? };
        for it in &items {
            let Some(s) = it.as_str() else {
                return Err(type_error(format!("__slots__ items must be strings, not '{}'", type_name(it))));
            };
            if !is_identifier(s) {
                return Err(type_error("__slots__ must be identifiers"));
            }
            if s == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
                continue;
            }
            if s == "__weakref__" {
                if add_weakref {
                    return Err(type_error(
                        "__weakref__ slot disallowed: either we already got one, or the base type does not support it",
                    ));
                }
                add_weakref = true;
                continue;
            }
            let m = mangle(name_s, s);
            // CPython accepts a repeated name (one slot).
            if !own_slots.contains(&m) {
                own_slots.push(m);
            }
        }
        for s in &own_slots {
            if nsd.get_str(s).is_some() {
                return Err(value_error(format!("'{s}' in __slots__ conflicts with class variable")));
            }
        }
        if !own_slots.is_empty() && matches!(base_t.instance_kind, Kind::Int | Kind::Tuple | Kind::Bytes) {
            return Err(type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base_t.name.borrow()
            )));
        }
        own_slots.sort();
    }
    let first_slot = slot_names.len();
    slot_names.extend(own_slots.iter().map(|s| new_str(s.as_str())));

    let mut flags = TF_HEAPTYPE | TF_BASETYPE;
    if !base_t.has_flag(TF_BASETYPE) {
        flags &= !TF_BASETYPE;
    }
    let cls = layout::alloc(&meta, PyType::new(name_s, instance_kind, flags));
    let Some(t) = cls.as_type() else { return Err(type_error("type allocation failed")) };
    *t.bases.borrow_mut() = bases.clone();
    *t.base.borrow_mut() = Some(base.clone());
    t.has_dict.set(base_has_dict || add_dict || instance_kind != Kind::Instance && slots_v.is_none());
    *t.slot_names.borrow_mut() = slot_names;
    let mro = c3_mro(&cls, &bases)?;
    *t.mro.borrow_mut() = mro;

    // The namespace.
    let mut classcell: Option<Value> = None;
    for (k, v) in nsd.items() {
        match k.as_str() {
            Some("__qualname__") => {
                let Some(q) = v.as_str() else {
                    return Err(type_error(format!("type __qualname__ must be a str, not {}", type_name(&v))));
                };
                *t.qualname.borrow_mut() = q.to_owned();
            }
            Some("__classcell__") => classcell = Some(v),
            Some(_) => t.dict.set_str(k, v),
            None => {
                t.dict.set(vm, k, v)?;
            }
        }
    }
    if t.dict.get_str("__module__").is_none() {
        if let Some(m) = caller_module(vm) {
            t.dict.set_str(new_str("__module__"), m);
        }
    }
    for (i, s) in own_slots.iter().enumerate() {
        let d = layout::alloc(
            &types().member_descriptor,
            PyMemberDescr { name: new_str(s.as_str()), index: first_slot + i, owner: cls.clone() },
        );
        t.dict.set_str(new_str(s.as_str()), d);
    }
    if add_dict && !base_has_dict && instance_kind == Kind::Instance {
        add_getset(
            &cls,
            "__dict__",
            crate::objects::instance::obj_dict_get,
            Some(crate::objects::instance::obj_dict_set),
        );
    }
    if add_weakref && !base_has_dict && instance_kind == Kind::Instance {
        add_getset(&cls, "__weakref__", crate::objects::instance::obj_weakref_get, None);
    }
    if t.dict.get_str("__doc__").is_none() {
        t.dict.set_str(new_str("__doc__"), none());
    }
    // Implicit staticmethod / classmethod wrapping.
    if let Some(f) = t.dict.get_str("__new__") {
        if f.kind() == Kind::Function {
            t.dict.set_str(new_str("__new__"), layout::alloc(&types().staticmethod, PyStaticMethod(f)));
        }
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = t.dict.get_str(n) {
            if f.kind() == Kind::Function {
                t.dict.set_str(new_str(n), layout::alloc(&types().classmethod, PyClassMethod(f)));
            }
        }
    }
    if t.dict.get_str("__eq__").is_some() && t.dict.get_str("__hash__").is_none() {
        t.dict.set_str(new_str("__hash__"), none());
    }
    if let Some(cell) = classcell {
        match cell.payload::<PyCell>() {
            Some(c) => *c.0.borrow_mut() = Some(cls.clone()),
            None => {
                return Err(type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    vm.repr_string(cell.type_of())?
                )));
            }
        }
    }
    t.modified();
    for b in &bases {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(cls.clone());
        }
    }
    // A metaclass may override mro().
    if !meta.is(&types().type_) {
        if let Some(m) = meta.as_type().and_then(|mt| mt.lookup("mro")) {
            if m.kind() != Kind::Builtin {
                let r = vm.call(&m, Args::positional_only(std::slice::from_ref(&cls)))?;
                let v = vm.to_vec(&r)?;
                *t.mro.borrow_mut() = v;
                t.modified();
            }
        }
    }

    // __set_name__ on the attributes, in definition order.
    for (k, v) in t.dict.items() {
        let Some(sn) = vm.lookup_special(&v, "__set_name__") else { continue };
        let argv = [v.clone(), cls.clone(), k.clone()];
        if let Err(e) = vm.call(&sn, Args::positional_only(&argv)) {
            let msg = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name(&v),
                vm.repr_string(&k)?,
                name_s
            );
            let err = runtime_error(msg);
            crate::objects::exception::set_cause(&err.0, Some(e.0));
            return Err(err);
        }
    }

    // super(cls, cls).__init_subclass__(**kwds)
    init_subclass(vm, &cls, args)?;
    Ok(cls)
}

fn init_subclass(vm: &mut Vm, cls: &Value, args: Args<'_>) -> PyResult<()> {
    let mro = cls.as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for t in mro.iter().skip(1) {
        let Some(tp) = t.as_type() else { continue };
        if let Some(a) = tp.dict.get_str("__init_subclass__") {
            let f = vm.descr_get(&a, None, cls)?;
            let kwvals = &args.values[args.values.len() - args.kwnames.len()..];
            vm.call(&f, Args::new(kwvals, args.kwnames))?;
            return Ok(());
        }
    }
    Ok(())
}

#[allow(dead_code)]
fn _e(_: PyErr) {}
