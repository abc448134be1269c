//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`: the default
//! pickling protocol that `copy`, `copyreg` and `pickle` build on (typeobject.c's
//! `reduce_newobj`, `_common_reduce` and `object_getstate`).

use crate::objects::dict::PyDict;
use crate::objects::instance::Instance;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::{instance_dict, is_subtype, type_name};
use crate::vm::{Args, PyResult, Vm};

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins over the default.
pub fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, proto] = args.exact::<2>("__reduce_ex__")?;
    let proto = protocol(vm, proto)?;
    if let Some(reduce) = lookup_attr(vm, s, "__reduce__")? {
        let cls = s.type_of().clone();
        let clsreduce = vm.getattr_str(&cls, "__reduce__")?;
        let objreduce = types().object.as_type().and_then(|t| t.dict.get_str("__reduce__"));
        if !objreduce.is_some_and(|o| o.is(&clsreduce)) {
            return vm.call(&reduce, Args::positional_only(&[]));
        }
    }
    common_reduce(vm, s, proto)
}

/// `object.__reduce__()`: the protocol-0 reduction.
pub fn object_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__reduce__")?;
    common_reduce(vm, s, 0)
}

/// `object.__getstate__()`: the instance dict (None if empty), paired with a dict of
/// the `__slots__` values when there are any.
pub fn object_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__getstate__")?;
    getstate_default(vm, s, false)
}

/// `getattr(v, name)` with AttributeError as `None` (CPython's `_PyObject_LookupAttr`).
fn lookup_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.getattr_str(v, name) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(&crate::objects::registry::exc().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn protocol(vm: &mut Vm, p: &Value) -> PyResult<i64> {
    if p.kind() == Kind::Float {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = crate::builtins::numeric::index(vm, p)?;
    crate::objects::int::to_i64(&i).ok_or_else(|| {
        crate::vm::errors::PyErr::new(
            &crate::objects::registry::exc().overflow_error,
            "Python int too large to convert to C int",
        )
    })
}

fn common_reduce(vm: &mut Vm, s: &Value, proto: i64) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(vm, s);
    }
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, Args::positional_only(&[s.clone(), crate::objects::int::new_int(proto)]))
}

/// The arguments `__new__` needs to rebuild `s`: from `__getnewargs_ex__` (args and
/// kwargs) or `__getnewargs__` (args only); neither gives `(None, None)`.
fn new_arguments(vm: &mut Vm, s: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if let Some(r) = vm.call_special(s, "__getnewargs_ex__", &[])? {
        let Some(t) = r.as_tuple() else {
            return Err(type_error(format!("__getnewargs_ex__ should return a tuple, not '{}'", type_name(&r))));
        };
        if t.len() != 2 {
            return Err(crate::vm::errors::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.len()
            )));
        }
        if t[0].as_tuple().is_none() {
            return Err(type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name(&t[0])
            )));
        }
        if t[1].payload::<PyDict>().is_none() {
            return Err(type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name(&t[1])
            )));
        }
        return Ok((Some(t[0].clone()), Some(t[1].clone())));
    }
    if let Some(r) = vm.call_special(s, "__getnewargs__", &[])? {
        if r.as_tuple().is_none() {
            return Err(type_error(format!("__getnewargs__ should return a tuple, not '{}'", type_name(&r))));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`, or
/// `copyreg.__newobj_ex__` with `(cls, args, kwargs)` when there are keyword arguments.
fn reduce_newobj(vm: &mut Vm, s: &Value) -> PyResult {
    let (args, kwargs) = new_arguments(vm, s)?;
    let copyreg = vm.import_module("copyreg")?;
    let hasargs = args.is_some();
    let cls = s.type_of().clone();
    let no_kwargs = kwargs.as_ref().is_none_or(|k| k.payload::<PyDict>().is_some_and(|d| d.is_empty()));
    let (newobj, newargs) = if no_kwargs {
        let mut items = vec![cls.clone()];
        if let Some(a) = &args {
            items.extend(a.as_tuple().unwrap_or(&[]).iter().cloned());
        }
        (vm.getattr_str(&copyreg, "__newobj__")?, new_tuple(items))
    } else if let (Some(a), Some(k)) = (args, kwargs) {
        (vm.getattr_str(&copyreg, "__newobj_ex__")?, new_tuple(vec![cls.clone(), a, k]))
    } else {
        return Err(type_error("bad argument type for built-in operation"));
    };
    let is_list = is_subtype(&cls, &types().list);
    let is_dict = is_subtype(&cls, &types().dict);
    let state = getstate(vm, s, !(hasargs || is_list || is_dict))?;
    let listitems = if is_list { vm.iter(s)? } else { none() };
    let dictitems = if is_dict {
        let items = vm.call_method(s, "items", &[])?;
        vm.iter(&items)?
    } else {
        none()
    };
    Ok(new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// The state to pickle: the default one unless the class defines its own `__getstate__`.
fn getstate(vm: &mut Vm, s: &Value, required: bool) -> PyResult {
    let own = vm.getattr_str(s, "__getstate__")?;
    let default = types().object.as_type().and_then(|t| t.dict.get_str("__getstate__"));
    let found = s.type_of().as_type().and_then(|t| t.lookup("__getstate__"));
    let is_default = match (default, found) {
        (Some(d), Some(f)) => d.is(&f) && instance_dict(s).is_none_or(|dd| dict_lookup(&dd, "__getstate__").is_none()),
        _ => false,
    };
    if is_default { getstate_default(vm, s, required) } else { vm.call(&own, Args::positional_only(&[])) }
}

fn dict_lookup(d: &Value, key: &str) -> Option<Value> {
    d.payload::<PyDict>().and_then(|d| d.get_str(key))
}

/// CPython's `object_getstate_default`. `required`: nothing else (new-arguments, list or
/// dict items) carries the object's contents, so an object whose state lives outside its
/// dict and slots (a builtin type's value) cannot be pickled.
fn getstate_default(vm: &mut Vm, s: &Value, required: bool) -> PyResult {
    let inst = s.payload::<Instance>();
    if required && inst.is_none_or(|i| i.base.is_some()) {
        return Err(type_error(format!("cannot pickle '{}' object", type_name(s))));
    }
    let mut state = match instance_dict(s) {
        Some(d) if d.payload::<PyDict>().is_some_and(|dd| !dd.is_empty()) => d,
        _ => none(),
    };
    let names = slot_names(vm, &s.type_of().clone())?;
    if !names.is_empty() {
        let slots = crate::objects::dict::methods::new_dict();
        for n in &names {
            let Some(ns) = n.as_str() else { continue };
            if let Some(v) = lookup_attr(vm, s, ns)? {
                vm.setitem(&slots, n, v)?;
            }
        }
        if slots.payload::<PyDict>().is_some_and(|d| !d.is_empty()) {
            state = new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}

/// `cls.__slotnames__` (cached in the class dict by `copyreg._slotnames`).
fn slot_names(vm: &mut Vm, cls: &Value) -> PyResult<Vec<Value>> {
    let cached = cls.as_type().and_then(|t| t.dict.get_str("__slotnames__"));
    let names = match cached {
        Some(n) if n.is_none() || n.kind() == Kind::List => n,
        _ => {
            let copyreg = vm.import_module("copyreg")?;
            let f = vm.getattr_str(&copyreg, "_slotnames")?;
            let n = vm.call(&f, Args::positional_only(std::slice::from_ref(cls)))?;
            if !(n.is_none() || n.kind() == Kind::List) {
                return Err(type_error("copyreg._slotnames didn't return a list or None"));
            }
            n
        }
    };
    if names.is_none() {
        return Ok(Vec::new());
    }
    vm.to_vec(&names)
}
