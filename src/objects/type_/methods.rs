//! The methods and attributes of `type`: calling a class, `__repr__`, `mro()`,
//! `__subclasses__()`, `__instancecheck__`, and the `__name__`/`__bases__`/`__dict__`...
//! attributes.

use crate::objects::descr::{PyStaticMethod, add_getset};
use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::PyType;
use crate::objects::{none, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{attribute_error, type_error};
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

fn tp(v: &Value) -> PyResult<&PyType> {
    v.as_type()
        .ok_or_else(|| type_error(format!("descriptor requires a 'type' object but received '{}'", type_name(v))))
}

/// Calls a class attribute found on `obj`'s type with `obj` as the first argument
/// (functions and native methods directly; other descriptors through `__get__`).
pub fn call_unbound(vm: &mut Vm, attr: &Value, obj: &Value, args: Args<'_>) -> PyResult {
    match attr.kind() {
        Kind::Function | Kind::Builtin
            if attr
                .payload::<crate::objects::builtin_func::PyBuiltin>()
                .is_none_or(|b| b.self_.is_none() && b.kind == crate::objects::builtin_func::BuiltinKind::Method) =>
        {
            let mut v: crate::vm::ArgVec = smallvec::smallvec![obj.clone()];
            v.extend(args.values.iter().cloned());
            vm.call(attr, Args::new(&v, args.kwnames))
        }
        _ => {
            let owner = obj.type_of().clone();
            let b = vm.descr_get(attr, Some(obj), &owner)?;
            vm.call(&b, args)
        }
    }
}

/// `type.__call__(cls, *args, **kwargs)`: `cls.__new__(cls, ...)`, then `__init__` when the
/// result is an instance of `cls`.
pub fn type_call(vm: &mut Vm, cls: &Value, args: Args<'_>) -> PyResult {
    let tpv = tp(cls)?;
    if cls.is(&types().type_) {
        let p = args.pos();
        if p.len() == 1 && !args.has_kwargs() {
            return Ok(p[0].type_of().clone());
        }
        if p.len() != 3 {
            return Err(type_error("type() takes 1 or 3 arguments"));
        }
    }
    let (new, init) = tpv.new_and_init();
    let new = new.ok_or_else(|| type_error(format!("cannot create '{}' instances", tpv.name.borrow())))?;
    let slots = crate::objects::instance::object_slots();
    let mut v: crate::vm::ArgVec = smallvec::smallvec![cls.clone()];
    v.extend(args.values.iter().cloned());
    // Fast path: `object.__new__` with an overridden `__init__` takes any arguments.
    if new.is(&slots.new) && init.as_ref().is_some_and(|i| !i.is(&slots.init)) {
        let obj = crate::objects::instance::object_alloc(vm, cls)?;
        if let Some(init) = init {
            run_init(vm, &init, &obj, &mut v, args.kwnames)?;
        }
        return Ok(obj);
    }
    let new_is_object = new.is(&slots.new);
    let new = match new.payload::<PyStaticMethod>() {
        Some(s) => s.0.clone(),
        None => new,
    };
    let native_new = new.kind() == Kind::Builtin;
    // A builtin type whose `__new__` is native and whose `__init__` is object's (int,
    // str, range...): what `__new__` returns is the result, as the general path finds.
    if native_new && !new_is_object && !tpv.is_heap() && init.as_ref().is_none_or(|i| i.is(&slots.init)) {
        return vm.call(&new, Args::new(&v, args.kwnames));
    }
    let mut obj = vm.call(&new, Args::new(&v, args.kwnames))?;
    if !is_subtype(obj.type_of(), cls) {
        // A native `__new__` of a builtin base that ignored `cls`: wrap its result.
        if native_new && tpv.is_heap() && tpv.instance_kind == Kind::Instance && obj.kind() != Kind::Instance {
            if obj.type_of().as_type().is_some_and(|t| !t.is_heap()) && is_subtype(cls, obj.type_of()) {
                obj = crate::objects::instance::wrap_builtin(cls, obj);
            } else {
                return Ok(obj);
            }
        } else {
            return Ok(obj);
        }
    }
    let init = if obj.type_of().is(cls) {
        // `object.__init__` under a `__new__` other than `object.__new__` accepts and
        // ignores any arguments (CPython's object_init): skip the call.
        if !new_is_object && init.as_ref().is_some_and(|i| i.is(&slots.init)) {
            return Ok(obj);
        }
        init
    } else {
        obj.type_of().as_type().and_then(|t| t.lookup("__init__"))
    };
    if let Some(init) = init {
        run_init(vm, &init, &obj, &mut v, args.kwnames)?;
    }
    Ok(obj)
}

/// Calls `__init__` on a new object (`v` holds the class then the arguments).
fn run_init(vm: &mut Vm, init: &Value, obj: &Value, v: &mut [Value], kwnames: &[Value]) -> PyResult<()> {
    let r = if init.kind() == Kind::Function {
        v[0] = obj.clone();
        vm.call(init, Args::new(v, kwnames))?
    } else {
        call_unbound(vm, init, obj, Args::new(&v[1..], kwnames))?
    };
    if !r.is_none() {
        return Err(type_error(format!("__init__() should return None, not '{}'", type_name(&r))));
    }
    Ok(())
}

fn type_dunder_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.pos().first() else {
        return Err(type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    let cls = cls.clone();
    type_call(vm, &cls, Args::new(&args.values[1..], args.kwnames))
}

fn type_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = args.pos().len().saturating_sub(1);
    if n == 1 && args.has_kwargs() {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(none())
}

/// `<class 'mod.Qualname'>` (no module for builtins).
pub fn type_repr_string(t: &PyType) -> String {
    let m = t.module_name();
    if m == "builtins" {
        format!("<class '{}'>", t.qualname.borrow())
    } else {
        format!("<class '{m}.{}'>", t.qualname.borrow())
    }
}

fn type_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    Ok(new_str(type_repr_string(tp(s)?)))
}

fn type_mro(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("mro")?;
    let t = tp(s)?;
    let bases = t.bases.borrow().clone();
    let m = super::new::c3_mro(s, &bases)?;
    Ok(new_list(m))
}

fn type_subclasses(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__subclasses__")?;
    Ok(new_list(tp(s)?.subclasses.borrow().clone()))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, inst] = args.exact::<2>("__instancecheck__")?;
    Ok(py_bool(vm.recursive_isinstance(inst, s)?))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, sub] = args.exact::<2>("__subclasscheck__")?;
    Ok(py_bool(vm.recursive_issubclass(sub, s)?))
}

fn type_prepare(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(layout::alloc(&types().dict, PyDict::new()))
}

fn type_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__dir__")?;
    let mut names: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in tp(s)?.mro.borrow().iter() {
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
    let _ = vm;
    Ok(new_list(names))
}

fn type_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__getattribute__")?;
    let n =
        name.as_str().ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", type_name(name))))?;
    match vm.type_getattr(s, n)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(s, n)),
    }
}

fn type_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name, value] = args.exact::<3>("__setattr__")?;
    let n = name
        .as_str()
        .ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", type_name(name))))?
        .to_owned();
    vm.generic_setattr(s, name, &n, Some(value.clone()))?;
    Ok(none())
}

fn type_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__delattr__")?;
    let n = name
        .as_str()
        .ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", type_name(name))))?
        .to_owned();
    vm.generic_setattr(s, name, &n, None)?;
    Ok(none())
}

// ---- attributes ----

/// Fails unless `t` may have `name` changed (builtin types are immutable).
fn check_mutable(t: &PyType, name: &str, value: &Option<Value>) -> PyResult<()> {
    if !t.is_heap() {
        let verb = if value.is_some() { "set" } else { "delete" };
        return Err(type_error(format!("cannot {verb} '{name}' attribute of immutable type '{}'", t.name.borrow())));
    }
    if value.is_none() {
        return Err(type_error(format!("cannot delete '{name}' attribute of immutable type '{}'", t.name.borrow())));
    }
    Ok(())
}

fn t_name(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(new_str(tp(s)?.name.borrow().as_str()))
}
fn t_set_name(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__name__", &v)?;
    let v = v.unwrap_or_else(none);
    let Some(n) = v.as_str() else {
        return Err(type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name.borrow(),
            type_name(&v)
        )));
    };
    if n.contains('\0') {
        return Err(crate::vm::errors::value_error("type name must not contain null characters"));
    }
    *t.name.borrow_mut() = n.to_owned();
    Ok(())
}
fn t_qualname(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(new_str(tp(s)?.qualname.borrow().as_str()))
}
fn t_set_qualname(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__qualname__", &v)?;
    let v = v.unwrap_or_else(none);
    let Some(n) = v.as_str() else {
        return Err(type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            t.name.borrow(),
            type_name(&v)
        )));
    };
    *t.qualname.borrow_mut() = n.to_owned();
    Ok(())
}
fn t_module(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    if t.is_heap() {
        return t.dict.get_str("__module__").ok_or_else(|| attribute_error("__module__"));
    }
    Ok(new_str(t.module_name()))
}
fn t_set_module(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__module__", &v)?;
    t.dict.set_str(new_str("__module__"), v.unwrap_or_else(none));
    t.modified();
    Ok(())
}
fn t_bases(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(new_tuple(tp(s)?.bases.borrow().clone()))
}
fn t_set_bases(vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__bases__", &v)?;
    let v = v.unwrap_or_else(none);
    let Some(items) = v.as_tuple() else {
        return Err(type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            t.name.borrow(),
            type_name(&v)
        )));
    };
    if items.is_empty() {
        return Err(type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", t.name.borrow())));
    }
    for b in items {
        if b.as_type().is_none() {
            return Err(type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                t.name.borrow(),
                type_name(b)
            )));
        }
        if is_subtype(b, s) {
            return Err(type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_bases = items.to_vec();
    let new_base = super::new::best_base(&new_bases)?;
    let old_base = t.base.borrow().clone().unwrap_or_else(|| types().object.clone());
    let (nh, oh) = (new_base.as_type().is_some_and(|b| b.is_heap()), old_base.as_type().is_some_and(|b| b.is_heap()));
    let tn = |v: &Value| v.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    if nh != oh {
        return Err(type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            tn(&new_base),
            tn(&old_base)
        )));
    }
    if !super::new::solid_base(&new_base).is(&super::new::solid_base(&old_base)) {
        return Err(type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            tn(&new_base),
            tn(&old_base)
        )));
    }
    let mro = super::new::c3_mro(s, &new_bases)?;
    *t.base.borrow_mut() = Some(new_base);
    let old = std::mem::replace(&mut *t.bases.borrow_mut(), new_bases.clone());
    for b in &old {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().retain(|x| !x.is(s));
        }
    }
    for b in &new_bases {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(s.clone());
        }
    }
    *t.mro.borrow_mut() = mro;
    t.modified();
    super::new::refresh_subclass_mros(vm, s)?;
    Ok(())
}
fn t_base(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    if let Some(b) = t.base.borrow().clone() {
        return Ok(b);
    }
    Ok(t.bases.borrow().first().cloned().unwrap_or_else(none))
}
fn t_mro(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(new_tuple(tp(s)?.mro.borrow().clone()))
}
fn t_dict(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    let d = layout::alloc(&types().dict, PyDict::from_table(t.dict.table().clone()));
    Ok(super::proxy::new_proxy(d))
}
fn t_doc(vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    match t.dict.get_str("__doc__") {
        Some(d) if t.is_heap() => {
            if d.kind() == Kind::Instance {
                if let Some(g) = vm.lookup_special(&d, "__get__") {
                    let argv = [d.clone(), none(), s.clone()];
                    return vm.call(&g, Args::positional_only(&argv));
                }
            }
            Ok(d)
        }
        Some(d) => Ok(d),
        None => Ok(none()),
    }
}
fn t_set_doc(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__doc__", &v)?;
    t.dict.set_str(new_str("__doc__"), v.unwrap_or_else(none));
    t.modified();
    Ok(())
}
fn t_abstract(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    if !s.is(&types().type_) {
        if let Some(v) = t.dict.get_str("__abstractmethods__") {
            return Ok(v);
        }
    }
    Err(attribute_error("__abstractmethods__"))
}
fn t_set_abstract(vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    let key = new_str("__abstractmethods__");
    match v {
        Some(v) => t.dict.set_str(key, v),
        None => {
            if t.dict.remove(vm, &key)?.is_none() {
                return Err(attribute_error("__abstractmethods__"));
            }
        }
    }
    t.modified();
    Ok(())
}
fn t_annotations(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    if let Some(a) = t.dict.get_str("__annotations__") {
        return Ok(a);
    }
    if !t.is_heap() {
        return Err(attribute_error(format!("type object '{}' has no attribute '__annotations__'", t.name.borrow())));
    }
    let d = layout::alloc(&types().dict, PyDict::new());
    t.dict.set_str(new_str("__annotations__"), d.clone());
    t.modified();
    Ok(d)
}
fn t_set_annotations(vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let t = tp(s)?;
    check_mutable(t, "__annotations__", &Some(none()))?;
    let key = new_str("__annotations__");
    match v {
        Some(v) => t.dict.set_str(key, v),
        None => {
            if t.dict.remove(vm, &key)?.is_none() {
                return Err(attribute_error("__annotations__"));
            }
        }
    }
    t.modified();
    Ok(())
}
fn t_flags(_vm: &mut Vm, s: &Value) -> PyResult {
    let t = tp(s)?;
    let mut f: i64 = 0;
    if t.is_heap() {
        f |= 1 << 9;
    }
    if t.has_flag(super::TF_BASETYPE) {
        f |= 1 << 10;
    }
    Ok(Value::small(f))
}

pub fn init() {
    let t = &types().type_;
    add_staticmethod(t, "__new__", super::new::type_new);
    add_method(t, "__init__", type_init);
    add_method(t, "__call__", type_dunder_call);
    add_method(t, "__repr__", type_repr);
    add_method(t, "mro", type_mro);
    add_method(t, "__subclasses__", type_subclasses);
    add_method(t, "__instancecheck__", type_instancecheck);
    add_method(t, "__subclasscheck__", type_subclasscheck);
    add_classmethod(t, "__prepare__", type_prepare);
    add_method(t, "__dir__", type_dir);
    add_method(t, "__getattribute__", type_getattribute);
    add_method(t, "__setattr__", type_setattr);
    add_method(t, "__delattr__", type_delattr);
    add_method(t, "__sizeof__", crate::objects::sizeof::object_sizeof);
    add_getset(t, "__name__", t_name, Some(t_set_name));
    add_getset(t, "__qualname__", t_qualname, Some(t_set_qualname));
    add_getset(t, "__module__", t_module, Some(t_set_module));
    add_getset(t, "__bases__", t_bases, Some(t_set_bases));
    add_getset(t, "__base__", t_base, None);
    add_getset(t, "__mro__", t_mro, None);
    add_getset(t, "__dict__", t_dict, None);
    add_getset(t, "__doc__", t_doc, Some(t_set_doc));
    add_getset(t, "__abstractmethods__", t_abstract, Some(t_set_abstract));
    add_getset(t, "__annotations__", t_annotations, Some(t_set_annotations));
    add_getset(t, "__flags__", t_flags, None);
}
